/**
 * @license
 * Copyright 2022 Example LLC
 * SPDX-License-Identifier: MIT
 */
// Booking entities.

export class Booking {}
