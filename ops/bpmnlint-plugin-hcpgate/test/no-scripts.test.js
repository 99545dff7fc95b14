'use strict';

const { definitions, verifyRule } = require('./helper');

verifyRule('no-scripts', {
  valid: [
    {
      name: 'delegate expressions, listeners and an expression condition',
      xml: definitions(`
        <bpmn:extensionElements>
          <camunda:executionListener event="end" delegateExpression="\${announce}" />
        </bpmn:extensionElements>
        <bpmn:serviceTask id="Task" camunda:asyncBefore="true" camunda:delegateExpression="\${bean}">
          <bpmn:extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="a">\${x}</camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="Flow" sourceRef="Task" targetRef="End">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${decision == 'approved'}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>`)
    }
  ],
  invalid: [
    {
      name: 'script task',
      xml: definitions(`
        <bpmn:scriptTask id="Script" scriptFormat="groovy">
          <bpmn:script>println 'hi'</bpmn:script>
        </bpmn:scriptTask>`),
      report: {
        id: 'Script',
        message: 'Script task: call a Spring bean with a service task and camunda:delegateExpression instead'
      }
    },
    {
      name: 'script in a task listener',
      xml: definitions(`
        <bpmn:userTask id="Review" camunda:candidateGroups="hcp-reviewers">
          <bpmn:extensionElements>
            <camunda:taskListener event="create">
              <camunda:script scriptFormat="javascript">task.setVariable('a', 1)</camunda:script>
            </camunda:taskListener>
          </bpmn:extensionElements>
        </bpmn:userTask>`),
      report: {
        id: 'Review',
        message: 'camunda:script in camunda:taskListener: use a delegateExpression or an expression instead'
      }
    },
    {
      name: 'script in an input parameter, and in an execution listener of the process',
      xml: definitions(`
        <bpmn:extensionElements>
          <camunda:executionListener event="start">
            <camunda:script scriptFormat="groovy" resource="classpath://start.groovy" />
          </camunda:executionListener>
        </bpmn:extensionElements>
        <bpmn:serviceTask id="Task" camunda:asyncBefore="true" camunda:delegateExpression="\${bean}">
          <bpmn:extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="a">
                <camunda:script scriptFormat="groovy">1 + 1</camunda:script>
              </camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:serviceTask>`),
      report: [
        {
          id: 'Process_Test',
          message: 'camunda:script in camunda:executionListener: use a delegateExpression or an expression instead'
        },
        {
          id: 'Task',
          message: 'camunda:script in camunda:inputOutput > camunda:inputParameter: use a delegateExpression or an expression instead'
        }
      ]
    },
    {
      name: 'condition in a script language and from an external resource',
      xml: definitions(`
        <bpmn:exclusiveGateway id="Gateway" />
        <bpmn:endEvent id="A" />
        <bpmn:endEvent id="B" />
        <bpmn:sequenceFlow id="ToA" sourceRef="Gateway" targetRef="A">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">decision == 'approved'</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="ToB" sourceRef="Gateway" targetRef="B">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" camunda:resource="deployment://b.js" />
        </bpmn:sequenceFlow>`),
      report: [
        {
          id: 'ToA',
          message: 'Condition (conditionExpression) in script language "groovy": write it as an expression such as ${...}'
        },
        {
          id: 'ToB',
          message: 'Condition (conditionExpression) loaded from an external resource: write it as an expression such as ${...}'
        }
      ]
    }
  ]
});
