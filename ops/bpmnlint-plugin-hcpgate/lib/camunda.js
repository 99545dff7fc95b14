'use strict';

// Helpers that read Camunda 7 extensions the same way whether the model was parsed with
// camunda-bpmn-moddle (Camunda Modeler, and `npm run lint` through .bpmnlintrc's
// moddleExtensions) or without it (a plain bpmn-moddle in lax mode): typed elements such as
// camunda:TaskListener then arrive as generic ones (camunda:taskListener, children in
// $children) and camunda:* attributes of BPMN elements sit in $attrs, as strings.

const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

/** bpmnlint-utils' is(), kept here so that the plugin needs nothing but itself. */
function is(element, type) {
  return !!element && typeof element.$instanceOf === 'function' && element.$instanceOf(type);
}

/** The elements that rules look at: a process and what it contains, each with a shape or an edge. */
function isOwner(element) {
  return is(element, 'bpmn:Process') || is(element, 'bpmn:FlowElement');
}

function isGeneric(element) {
  return !!(element && element.$descriptor && element.$descriptor.isGeneric);
}

/** Is this element from the Camunda namespace, typed or generic? */
function isCamunda(element) {
  if (!element || typeof element.$type !== 'string') {
    return false;
  }
  if (isGeneric(element)) {
    const ns = element.$descriptor.ns || {};
    return ns.uri === CAMUNDA_NS || (!ns.uri && ns.prefix === 'camunda');
  }
  return element.$type.startsWith('camunda:');
}

/** The element's local type name in lower case: camunda:TaskListener and camunda:taskListener both give 'tasklistener'. */
function localType(element) {
  const type = (element && element.$type) || '';
  return type.substring(type.indexOf(':') + 1).toLowerCase();
}

/** Is this a camunda element of the given local name (any case), e.g. isCamundaType(el, 'script')? */
function isCamundaType(element, name) {
  return isCamunda(element) && localType(element) === name.toLowerCase();
}

/**
 * A camunda:NAME attribute of a BPMN element (process, task, event definition, expression):
 * through moddle's get, which knows the typed property when camunda-bpmn-moddle is loaded and
 * otherwise falls back to $attrs; then $attrs under any prefix bound to the Camunda namespace.
 */
function camundaAttr(element, name) {
  if (!element) {
    return undefined;
  }
  let value;
  try {
    value = typeof element.get === 'function' ? element.get('camunda:' + name) : undefined;
  } catch (e) {
    value = undefined;
  }
  if (value !== undefined) {
    return value;
  }
  const attrs = element.$attrs || {};
  if (attrs['camunda:' + name] !== undefined) {
    return attrs['camunda:' + name];
  }
  // another prefix bound to the Camunda namespace (xmlns:c="http://camunda.org/schema/1.0/bpmn")
  for (const key of Object.keys(attrs)) {
    const [ prefix, local ] = key.split(':');
    if (local === name && prefix && prefixUri(element, prefix) === CAMUNDA_NS) {
      return attrs[key];
    }
  }
  return undefined;
}

function prefixUri(element, prefix) {
  for (let e = element; e; e = e.$parent) {
    const attrs = e.$attrs || {};
    if (attrs['xmlns:' + prefix]) {
      return attrs['xmlns:' + prefix];
    }
  }
  return undefined;
}

/** A plain attribute of a camunda element (typed or generic), e.g. prop(listener, 'class'). */
function prop(element, name) {
  if (!element) {
    return undefined;
  }
  if (element[name] !== undefined) {
    return element[name];
  }
  const attrs = element.$attrs || {};
  return attrs[name];
}

/** camunda:asyncBefore="true" arrives as true (typed) or 'true' (generic). */
function isTrue(value) {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** The element's name as written in the XML: camunda:TaskListener gives camunda:taskListener. */
function xmlName(element) {
  const type = (element && element.$type) || '';
  const colon = type.indexOf(':');
  const local = type.substring(colon + 1);
  return type.substring(0, colon + 1) + local.charAt(0).toLowerCase() + local.substring(1);
}

function isSimpleType(type) {
  return [ 'String', 'Boolean', 'Integer', 'Real' ].includes(type);
}

/**
 * Visit every element below an element's bpmn:extensionElements, depth first, typed
 * (through the descriptor's contained properties) or generic (through $children).
 * visit(element, path) gets the XML names of the extension elements above it, outermost
 * first (camunda:inputOutput, whether typed camunda:InputOutput or generic).
 */
function walkExtensions(owner, visit) {
  const extensionElements = owner && owner.extensionElements;
  const values = (extensionElements && extensionElements.values) || [];
  values.forEach(value => walk(value, [], visit));
}

function walk(element, path, visit) {
  if (!element || typeof element !== 'object') {
    return;
  }
  visit(element, path);
  const below = path.concat(xmlName(element));
  if (isGeneric(element)) {
    (element.$children || []).forEach(child => walk(child, below, visit));
    return;
  }
  const descriptor = element.$descriptor;
  if (!descriptor || !descriptor.properties) {
    return;
  }
  descriptor.properties
    .filter(p => !p.isAttr && !p.isReference && !isSimpleType(p.type))
    .forEach(p => {
      const value = element[p.name];
      if (Array.isArray(value)) {
        value.forEach(child => walk(child, below, visit));
      } else if (value) {
        walk(value, below, visit);
      }
    });
}

/**
 * The parts of a flow element or process that carry their own attributes and extensions but
 * have no shape of their own: its event definitions and its multi-instance characteristics.
 * Rules report on the owner, whose id the Modeler can mark on the diagram.
 */
function ownParts(owner) {
  const parts = [ owner ];
  (owner.eventDefinitions || []).forEach(d => parts.push(d));
  if (owner.loopCharacteristics) {
    parts.push(owner.loopCharacteristics);
  }
  return parts;
}

module.exports = {
  CAMUNDA_NS,
  camundaAttr,
  isCamunda,
  isCamundaType,
  is,
  isGeneric,
  isOwner,
  isTrue,
  localType,
  ownParts,
  prop,
  walkExtensions,
  xmlName
};
