import { licenseHeader } from '../../src/core/shims';

/* A whole-module shim keeps the copyright or license comments its module opened with (a license-header check passes). */
describe('licenseHeader', () => {
  it.each([
    ['# Copyright 2020 A\n# MIT\n\nimport os\n', 'hash', '# Copyright 2020 A'],
    ['# -*- coding: utf-8 -*-\n#\n# SPDX-License-Identifier: MIT\n#\n"""Doc."""\n', 'hash', '# -*- coding: utf-8 -*-\n#\n# SPDX-License-Identifier: MIT'],
    ['# Booking models\nimport os\n', 'hash', ''],
    ['"""Copyright 2020 in a docstring."""\n', 'hash', ''],
    ['\uFEFF# (c) Example\r\n# Licensed MIT\r\nX = 1\r\n', 'hash', '# (c) Example\r\n# Licensed MIT'],
    ['/**\n * @license MIT\n */\n// Booking entities.\nexport class B {}\n', 'slash', '/**\n * @license MIT\n */'],
    ['#!/usr/bin/env node\n/*! v1 | MIT License */\n"use strict";\n', 'slash', '#!/usr/bin/env node\n/*! v1 | MIT License */'],
    ['// helpers\nexport const x = 1; // Copyright\n', 'slash', ''],
    ['/* Copyright, never closed\nexport const x = 1;\n', 'slash', ''],
    ['export const license = 1;\n', 'slash', ''],
  ] as const)('%j (%s)', (text, style, expected) => {
    expect(licenseHeader(text, style)).toBe(expected);
  });
});
