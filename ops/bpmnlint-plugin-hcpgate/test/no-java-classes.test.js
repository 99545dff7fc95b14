'use strict';

const { definitions, verifyRule } = require('./helper');

verifyRule('no-java-classes', {
  valid: [
    {
      name: 'Spring beans by delegateExpression, in tasks and listeners',
      xml: definitions(`
        <bpmn:extensionElements>
          <camunda:executionListener event="end" delegateExpression="\${announce}" />
        </bpmn:extensionElements>
        <bpmn:serviceTask id="Task" camunda:asyncBefore="true" camunda:delegateExpression="\${bean}" />
        <bpmn:userTask id="Review" camunda:candidateGroups="hcp-reviewers">
          <bpmn:extensionElements>
            <camunda:taskListener event="complete" delegateExpression="\${recordReviewDecision}" />
          </bpmn:extensionElements>
        </bpmn:userTask>`)
    }
  ],
  invalid: [
    {
      name: 'camunda:class on a service task, a listener, a message event definition and a call activity',
      xml: definitions(`
        <bpmn:serviceTask id="Task" camunda:asyncBefore="true" camunda:class="org.example.Delegate" />
        <bpmn:userTask id="Review" camunda:candidateGroups="hcp-reviewers">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" class="org.example.Listener" />
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:intermediateThrowEvent id="Notify">
          <bpmn:messageEventDefinition id="Notify_Message" camunda:class="org.example.Sender" />
        </bpmn:intermediateThrowEvent>
        <bpmn:callActivity id="Call" calledElement="other" camunda:variableMappingClass="org.example.Mapping" />`),
      report: [
        {
          id: 'Task',
          message: 'camunda:class="org.example.Delegate": call a Spring bean with camunda:delegateExpression instead'
        },
        {
          id: 'Review',
          message: 'camunda:taskListener with class="org.example.Listener": call a Spring bean with delegateExpression instead'
        },
        {
          id: 'Notify',
          message: 'camunda:class="org.example.Sender" (on its bpmn:messageEventDefinition): call a Spring bean with camunda:delegateExpression instead'
        },
        {
          id: 'Call',
          message: 'camunda:variableMappingClass="org.example.Mapping": call a Spring bean with camunda:delegateExpression instead'
        }
      ]
    }
  ]
});
