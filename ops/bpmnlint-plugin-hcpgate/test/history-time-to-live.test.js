'use strict';

const { definitions, verifyRule } = require('./helper');

verifyRule('history-time-to-live', {
  valid: [
    {
      name: 'executable process with a time to live in days',
      xml: definitions('<bpmn:startEvent id="Start" />', 'isExecutable="true" camunda:historyTimeToLive="180"')
    },
    {
      name: 'time to live as an ISO period of days',
      xml: definitions('<bpmn:startEvent id="Start" />', 'isExecutable="true" camunda:historyTimeToLive="P30D"')
    },
    {
      name: 'a process that is not executable needs none',
      xml: definitions('<bpmn:startEvent id="Start" />', 'isExecutable="false"')
    }
  ],
  invalid: [
    {
      name: 'executable process without a time to live',
      xml: definitions('<bpmn:startEvent id="Start" />', 'isExecutable="true"'),
      report: {
        id: 'Process_Test',
        message: 'Executable process without camunda:historyTimeToLive (History cleanup: Time to live, in days)'
      }
    },
    {
      name: 'time to live that is not a number of days',
      xml: definitions('<bpmn:startEvent id="Start" />', 'isExecutable="true" camunda:historyTimeToLive="six months"'),
      report: {
        id: 'Process_Test',
        message: 'camunda:historyTimeToLive="six months" is not a number of days ("180" or "P180D")'
      }
    }
  ]
});
