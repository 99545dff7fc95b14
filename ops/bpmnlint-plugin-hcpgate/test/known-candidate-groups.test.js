'use strict';

const { definitions, verifyRule } = require('./helper');

verifyRule('known-candidate-groups', {
  valid: [
    {
      name: 'the review groups, an expression, and a task for one reader',
      xml: definitions(`
        <bpmn:userTask id="Review" camunda:candidateGroups="hcp-reviewers" />
        <bpmn:userTask id="Confirm" camunda:candidateGroups="hcp-review-leads, hcp-reviewers" />
        <bpmn:userTask id="Routed" camunda:candidateGroups="\${reviewGroup}" />
        <bpmn:userTask id="Mixed" camunda:candidateGroups="hcp-review-leads,\${groups.of(zoneKey, 'a,b')}" />
        <bpmn:userTask id="Submit" camunda:assignee="\${readerId}" />`)
    }
  ],
  invalid: [
    {
      name: 'a group the application does not know, and an empty name',
      xml: definitions(`
        <bpmn:userTask id="Review" camunda:candidateGroups="hcp-reviewers,accounting" />
        <bpmn:userTask id="Confirm" camunda:candidateGroups="hcp-review-leads," />`),
      report: [
        {
          id: 'Review',
          message: 'Unknown candidate group "accounting": expected one of hcp-reviewers, hcp-review-leads or an expression'
        },
        {
          id: 'Confirm',
          message: 'camunda:candidateGroups="hcp-review-leads," has an empty group name'
        }
      ]
    }
  ]
});
