# -*- coding: utf-8 -*-
#
# Copyright (C) 2021 The Example Authors
# SPDX-License-Identifier: Apache-2.0
#
"""Booking models."""


class Booking:
    pass
