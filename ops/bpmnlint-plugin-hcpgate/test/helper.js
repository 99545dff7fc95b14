'use strict';

// Runs bpmnlint's own rule tester (bpmnlint/lib/testers/rule-tester, written for mocha's
// globals) under node:test, and runs every case twice: parsed with camunda-bpmn-moddle, as
// Camunda Modeler and `npm run lint` do, and with plain bpmn-moddle in lax mode, where the
// camunda extensions arrive as generic elements and $attrs.

const test = require('node:test');

global.describe = test.describe;
global.it = test.it;
global.beforeEach = test.beforeEach;

const { verify } = require('bpmnlint/lib/testers/rule-tester');
const { createModdle } = require('bpmnlint/lib/testers/helper');

const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');

const PARSES = {
  'with camunda-bpmn-moddle': { camunda: camundaModdle },
  'with plain bpmn-moddle': undefined
};

/** A bpmn:definitions document around one process's content. */
function definitions(processContent, processAttributes = 'isExecutable="true" camunda:historyTimeToLive="180"', extra = '') {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="Definitions_Test" targetNamespace="http://hcpgate.org/bpmn">
  ${extra}
  <bpmn:process id="Process_Test" ${processAttributes}>
    ${processContent}
  </bpmn:process>
</bpmn:definitions>`;
}

/**
 * verify(ruleName, { valid: [ { name, xml } ], invalid: [ { name, xml, report } ] })
 * for both parses.
 */
function verifyRule(ruleName, cases) {
  const rule = require(`../rules/${ruleName}`);

  for (const [ parse, extensions ] of Object.entries(PARSES)) {
    const toCase = ({ name, xml, report }) => ({
      name: `${name} (${parse})`,
      moddleElement: createModdle(xml, extensions),
      ...(report ? { report } : {})
    });

    test.describe(parse, () => {
      verify(ruleName, rule, {
        valid: cases.valid.map(toCase),
        invalid: cases.invalid.map(toCase)
      });
    });
  }
}

module.exports = { definitions, verifyRule };
