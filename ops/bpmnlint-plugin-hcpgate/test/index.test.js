'use strict';

// The plugin as bpmnlint loads it: plugin:hcpgate/recommended turns every rule on as an
// error, and each rule the index names is there and has the rule API.

const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');

const plugin = require('..');

test('recommended turns on every rule of the plugin, as an error', () => {
  assert.deepStrictEqual(Object.keys(plugin.configs.recommended.rules).sort(), Object.keys(plugin.rules).sort());
  for (const level of Object.values(plugin.configs.recommended.rules)) {
    assert.strictEqual(level, 'error');
  }
});

test('each rule resolves to a factory of { check }', () => {
  for (const [ name, file ] of Object.entries(plugin.rules)) {
    const rule = require(path.join(__dirname, '..', file))();
    assert.strictEqual(typeof rule.check, 'function', name);
  }
});
