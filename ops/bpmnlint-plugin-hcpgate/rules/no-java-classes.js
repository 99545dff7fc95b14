'use strict';

// No camunda:class anywhere (service, send and business rule tasks, message event definitions,
// execution and task listeners), nor camunda:variableMappingClass on a call activity: the
// engine would instantiate the class itself, outside Spring. HCP Gate calls Spring beans by
// name with camunda:delegateExpression="${beanName}" (camunda:variableMappingDelegateExpression
// for a call activity's variable mapping).

const { camundaAttr, isCamunda, isOwner, ownParts, prop, walkExtensions, xmlName } = require('../lib/camunda');

const CLASS_ATTRIBUTES = [ 'class', 'variableMappingClass' ];

module.exports = function() {

  function check(node, reporter) {
    if (!isOwner(node)) {
      return;
    }

    ownParts(node).forEach(part => {
      const on = part === node ? '' : ` (on its ${xmlName(part)})`;

      CLASS_ATTRIBUTES.forEach(name => {
        const value = camundaAttr(part, name);
        if (value) {
          reporter.report(node.id, `camunda:${name}="${value}"${on}: call a Spring bean with camunda:delegateExpression instead`);
        }
      });

      walkExtensions(part, element => {
        const value = isCamunda(element) ? prop(element, 'class') : undefined;
        if (value) {
          reporter.report(node.id, `${xmlName(element)} with class="${value}"${on}: call a Spring bean with delegateExpression instead`);
        }
      });
    });
  }

  return { check };
};
