'use strict';

// bpmnlint-plugin-hcpgate: HCP Gate's own rules for its Camunda 7 models. See README.md.

module.exports = {
  configs: {
    recommended: {
      rules: {
        'no-scripts': 'error',
        'history-time-to-live': 'error',
        'known-candidate-groups': 'error',
        'no-java-classes': 'error',
        'async-service-tasks': 'error'
      }
    }
  },
  rules: {
    'no-scripts': './rules/no-scripts',
    'history-time-to-live': './rules/history-time-to-live',
    'known-candidate-groups': './rules/known-candidate-groups',
    'no-java-classes': './rules/no-java-classes',
    'async-service-tasks': './rules/async-service-tasks'
  }
};
