'use strict';

const { definitions, verifyRule } = require('./helper');

verifyRule('async-service-tasks', {
  valid: [
    {
      name: 'asynchronous service task, and the documented synchronous one',
      xml: definitions(`
        <bpmn:serviceTask id="record-verification" camunda:asyncBefore="true" camunda:delegateExpression="\${recordVerification}" />
        <bpmn:serviceTask id="reopen-verification" camunda:delegateExpression="\${reopenVerification}" />`)
    }
  ],
  invalid: [
    {
      name: 'service task without asyncBefore, and one with asyncBefore="false"',
      xml: definitions(`
        <bpmn:serviceTask id="record-rejection" camunda:delegateExpression="\${recordRejection}" />
        <bpmn:serviceTask id="grant-zone-access" camunda:asyncBefore="false" camunda:asyncAfter="true" camunda:delegateExpression="\${grantZoneAccess}" />`),
      report: [
        {
          id: 'record-rejection',
          message: 'Service task with camunda:delegateExpression must be camunda:asyncBefore="true" (Asynchronous continuations: Before)'
        },
        {
          id: 'grant-zone-access',
          message: 'Service task with camunda:delegateExpression must be camunda:asyncBefore="true" (Asynchronous continuations: Before)'
        }
      ]
    }
  ]
});
