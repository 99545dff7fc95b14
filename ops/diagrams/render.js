#!/usr/bin/env node
'use strict';

// Renders the models as pictures for the docs, from the files themselves:
//   processes/<name>.bpmn -> docs/diagrams/<name>.svg and docs/diagrams/<name>.png
//   forms/<form>.form     -> docs/diagrams/<form>.form.png
//   processes/<name>.dmn  -> docs/diagrams/<name>.dmn.png (its decision tables)
//
// bpmn-js, form-js and dmn-js come from node_modules and are put into a blank page
// (setContent + addScriptTag/addStyleTag with a path): no CDN. The page is driven by
// puppeteer-core in the system's Chromium (env CHROMIUM, else /usr/bin/chromium), headless;
// every request the page would send is refused, so nothing leaves the machine.
//
// Usage: npm run diagrams                                  (everything, as above)
//        node ops/diagrams/render.js [--out DIR] FILE...   (only these .bpmn/.form/.dmn files,
//                                                          written to DIR, docs/diagrams by default)
// See ops/diagrams/README.md.

const fs = require('node:fs');
const path = require('node:path');

const puppeteer = require('puppeteer-core');

const ROOT = path.resolve(__dirname, '..', '..');
let OUT = path.join(ROOT, 'docs', 'diagrams');
const MODULES = path.join(ROOT, 'node_modules');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// PNGs are taken at this many device pixels per CSS pixel: sharp on a laptop screen and when
// zoomed in, still small enough to keep in git.
const SCALE = Number(process.env.DIAGRAM_SCALE || 1.5);

// Space around a BPMN diagram in its PNG, in CSS pixels.
const MARGIN = 20;

// Width of the column a form is laid out in, as in the Tasklist's task pane.
const FORM_WIDTH = 760;

const asset = (...parts) => path.join(MODULES, ...parts);

const ASSETS = {
  bpmn: {
    scripts: [ asset('bpmn-js', 'dist', 'bpmn-viewer.production.min.js') ],
    styles: [
      asset('bpmn-js', 'dist', 'assets', 'diagram-js.css'),
      asset('bpmn-js', 'dist', 'assets', 'bpmn-js.css')
    ]
  },
  form: {
    scripts: [ asset('@bpmn-io', 'form-js', 'dist', 'form-viewer.umd.js') ],
    styles: [
      asset('@bpmn-io', 'form-js', 'dist', 'assets', 'form-js.css'),
      asset('@bpmn-io', 'form-js', 'dist', 'assets', 'flatpickr', 'light.css')
    ]
  },
  dmn: {
    scripts: [ asset('dmn-js', 'dist', 'dmn-viewer.production.min.js') ],
    styles: [
      asset('dmn-js', 'dist', 'assets', 'dmn-js-shared.css'),
      asset('dmn-js', 'dist', 'assets', 'dmn-js-decision-table.css'),
      asset('dmn-js', 'dist', 'assets', 'dmn-js-literal-expression.css'),
      asset('dmn-js', 'dist', 'assets', 'dmn-font', 'css', 'dmn-embedded.css')
    ]
  }
};

// A blank page in Chinese (so that the CJK fallback font is the Simplified Chinese one), the
// page background white, the text in the bpmn.io viewers' own font stack.
const BLANK_PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
  html, body { margin: 0; padding: 0; background: #fff; }
  body { font-family: Arial, "Noto Sans CJK SC", sans-serif; }
  #canvas { position: absolute; left: 0; top: 0; width: 1600px; height: 1000px; }
  #form { width: ${FORM_WIDTH}px; padding: 16px 24px; box-sizing: border-box; }
  #tables { display: inline-block; padding: 16px; }
  #tables h2 { font-size: 16px; margin: 24px 0 8px; }
  #tables h2:first-child { margin-top: 0; }
  #tables .table { display: inline-block; }
  #tables .dmn-decision-table-container, #tables .dmn-literal-expression-container { padding-bottom: 48px; }
  #tables .view-drd { display: none; }
</style></head><body></body></html>`;

async function main() {
  const args = process.argv.slice(2);
  const out = args.indexOf('--out');
  if (out !== -1) {
    if (!args[out + 1]) {
      throw new Error('--out needs a directory');
    }
    OUT = path.resolve(args[out + 1]);
    args.splice(out, 2);
  }
  const files = args.length ? args.map(f => path.resolve(f)) : defaultFiles();

  if (!files.length) {
    console.log('Nothing to render: no processes/*.bpmn, forms/*.form or processes/*.dmn.');
    return;
  }

  for (const file of files) {
    if (!fs.existsSync(file)) {
      throw new Error(`No such file: ${file}`);
    }
    if (!kindOf(file)) {
      throw new Error(`Not a .bpmn, .form or .dmn file: ${file}`);
    }
  }

  for (const kind of Object.keys(ASSETS)) {
    for (const file of [ ...ASSETS[kind].scripts, ...ASSETS[kind].styles ]) {
      if (!fs.existsSync(file)) {
        throw new Error(`Missing ${path.relative(ROOT, file)}: run npm ci first`);
      }
    }
  }

  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM to its path`);
  }

  warnWithoutChineseFont();

  fs.mkdirSync(OUT, { recursive: true });

  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', // CI and the dev machines run as root
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--font-render-hinting=none',
      '--no-first-run',
      '--no-default-browser-check'
    ]
  });

  const written = [];
  const problems = [];

  try {
    for (const file of files) {
      const kind = kindOf(file);
      const name = path.basename(file).replace(/\.(bpmn|form|dmn)$/, '');
      const page = await openPage(browser, kind);
      try {
        const outputs = await RENDER[kind](page, file, name);
        written.push(...outputs);
        const blocked = page.blockedRequests;
        console.log(`${path.relative(ROOT, file)} -> ${outputs.map(o => path.relative(ROOT, o)).join(', ')}` +
          (blocked.length ? ` (refused ${blocked.length} request${blocked.length > 1 ? 's' : ''}: ${[ ...new Set(blocked) ].join(', ')})` : ''));
        for (const warning of page.warnings) {
          console.log(`  warning: ${warning}`);
        }
      } catch (error) {
        problems.push(`${path.relative(ROOT, file)}: ${error.message}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }

  if (!args.length) {
    removeStale(written);
  }

  if (problems.length) {
    console.error(`\n${problems.length} file${problems.length > 1 ? 's' : ''} not rendered:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

/** The labels are Chinese: without a font that has the glyphs they come out as boxes. */
function warnWithoutChineseFont() {
  let fonts = '';
  try {
    fonts = require('node:child_process').execFileSync('fc-list', [ ':lang=zh', 'family' ], { encoding: 'utf8' });
  } catch (e) {
    return; // no fontconfig tools: cannot tell
  }
  if (!fonts.trim()) {
    console.warn('warning: no font with Chinese glyphs (fc-list :lang=zh is empty): the labels will be boxes. apt-get install fonts-noto-cjk');
  }
}

function defaultFiles() {
  const list = (dir, ext) => {
    const full = path.join(ROOT, dir);
    return fs.existsSync(full)
      ? fs.readdirSync(full).filter(f => f.endsWith(ext)).sort().map(f => path.join(full, f))
      : [];
  };
  return [ ...list('processes', '.bpmn'), ...list('forms', '.form'), ...list('processes', '.dmn') ];
}

function kindOf(file) {
  return { '.bpmn': 'bpmn', '.form': 'form', '.dmn': 'dmn' }[path.extname(file)];
}

/** Remove what an earlier run wrote for a model that is gone. */
function removeStale(written) {
  const keep = new Set(written.map(f => path.basename(f)));
  for (const f of fs.readdirSync(OUT)) {
    if (/\.(svg|png)$/.test(f) && !keep.has(f)) {
      fs.unlinkSync(path.join(OUT, f));
      console.log(`removed ${path.relative(ROOT, path.join(OUT, f))} (its model is gone)`);
    }
  }
}

async function openPage(browser, kind) {
  const page = await browser.newPage();
  page.blockedRequests = [];
  page.warnings = [];

  // Nothing leaves the machine: every request but the page's own data is refused.
  await page.setRequestInterception(true);
  page.on('request', request => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') {
      request.continue();
    } else {
      page.blockedRequests.push(url);
      request.abort('blockedbyclient');
    }
  });
  page.on('pageerror', error => page.warnings.push(`page error: ${error.message}`));
  page.on('console', message => {
    // (dmn-js's bundle of Inferno says it is a development build: noise)
    if (/^(error|warn)/.test(message.type()) && !/ERR_BLOCKED_BY_CLIENT|Failed to load resource|development build of Inferno/.test(message.text())) {
      page.warnings.push(`console: ${message.text()}`);
    }
  });

  await page.setViewport({ width: 1600, height: 1000, deviceScaleFactor: SCALE });
  await page.setContent(BLANK_PAGE, { waitUntil: 'load' });
  for (const style of ASSETS[kind].styles) {
    await page.addStyleTag({ path: style });
  }
  for (const script of ASSETS[kind].scripts) {
    await page.addScriptTag({ path: script });
  }
  return page;
}

const RENDER = {

  async bpmn(page, file, name) {
    const xml = fs.readFileSync(file, 'utf8');

    const { svg, warnings } = await page.evaluate(async xml => {
      const container = document.createElement('div');
      container.id = 'canvas';
      document.body.appendChild(container);
      const viewer = new window.BpmnJS({ container });
      const { warnings } = await viewer.importXML(xml);
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      container.remove();
      return { svg, warnings: warnings.map(w => w.message) };
    }, xml);
    page.warnings.push(...warnings);

    const svgFile = path.join(OUT, `${name}.svg`);
    fs.writeFileSync(svgFile, stableSvg(svg));

    // The PNG is the saved SVG, drawn at its own size (saveSVG sizes it to the diagram's
    // bounds), so the picture is exactly the diagram, whole, however large.
    const size = await page.evaluate((svg, margin) => {
      const holder = document.createElement('div');
      holder.id = 'diagram';
      holder.style.cssText = `display:inline-block;padding:${margin}px;background:#fff`;
      holder.innerHTML = svg;
      document.body.appendChild(holder);
      const element = holder.querySelector('svg');
      return { width: Math.ceil(element.width.baseVal.value), height: Math.ceil(element.height.baseVal.value) };
    }, svg, MARGIN);

    await page.setViewport({
      width: size.width + 2 * MARGIN,
      height: size.height + 2 * MARGIN,
      deviceScaleFactor: SCALE
    });
    await settle(page);

    const pngFile = path.join(OUT, `${name}.png`);
    const holder = await page.$('#diagram');
    await holder.screenshot({ path: pngFile });
    return [ svgFile, pngFile ];
  },

  async form(page, file, name) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    const { schema: shown, data } = showEverything(schema);

    const warnings = await page.evaluate(async (schema, data) => {
      const container = document.createElement('div');
      container.id = 'form';
      document.body.appendChild(container);
      const form = new window.FormViewer.Form({ container });
      const { warnings } = await form.importSchema(schema, data);
      return (warnings || []).map(w => w.message || String(w));
    }, shown, data);
    page.warnings.push(...warnings);
    await fitViewport(page, '#form');

    const pngFile = path.join(OUT, `${name}.form.png`);
    const container = await page.$('#form');
    await container.screenshot({ path: pngFile });
    return [ pngFile ];
  },

  async dmn(page, file, name) {
    const xml = fs.readFileSync(file, 'utf8');

    const result = await page.evaluate(async xml => {
      const tables = document.createElement('div');
      tables.id = 'tables';
      document.body.appendChild(tables);

      // one viewer for the list of views, then one per decision, each showing that decision
      const probe = document.createElement('div');
      document.body.appendChild(probe);
      const first = new window.DmnJS({ container: probe });
      const { warnings } = await first.importXML(xml);
      const views = first.getViews().filter(v => v.type === 'decisionTable' || v.type === 'literalExpression');
      first.destroy();
      probe.remove();

      for (const view of views) {
        const heading = document.createElement('h2');
        heading.textContent = view.element.name ? `${view.element.name} (${view.element.id})` : view.element.id;
        tables.appendChild(heading);
        const container = document.createElement('div');
        container.className = 'table';
        tables.appendChild(container);
        tables.appendChild(document.createElement('br'));
        const viewer = new window.DmnJS({ container });
        await viewer.importXML(xml, { open: false });
        await viewer.open(viewer.getViews().find(v => v.element.id === view.element.id));
      }
      return { count: views.length, warnings: warnings.map(w => w.message) };
    }, xml);
    page.warnings.push(...result.warnings);
    if (!result.count) {
      throw new Error('no decision table or literal expression in it');
    }

    await page.setViewport({ width: 2400, height: 1000, deviceScaleFactor: SCALE });
    await fitViewport(page, '#tables');

    const pngFile = path.join(OUT, `${name}.dmn.png`);
    const tables = await page.$('#tables');
    await tables.screenshot({ path: pngFile });
    return [ pngFile ];
  }
};

/**
 * A form for the docs shows every field a reviewer may see: conditions (conditional.hide) are
 * dropped, each {{variable}} of a text or html component shows as ‹variable›, and options that
 * come from a variable (valuesKey) as ‹variable› 1, 2.
 */
function showEverything(schema) {
  const data = {};
  const copy = JSON.parse(JSON.stringify(schema));

  const visit = component => {
    delete component.conditional;
    for (const text of [ component.text, component.content ]) {
      if (typeof text === 'string') {
        for (const match of text.matchAll(/\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g)) {
          data[match[1]] = `‹${match[1]}›`;
        }
      }
    }
    if (component.valuesKey) {
      data[component.valuesKey] = [ 1, 2 ].map(n => ({ label: `‹${component.valuesKey}› ${n}`, value: `${component.valuesKey}-${n}` }));
    }
    (component.components || []).forEach(visit);
  };
  (copy.components || []).forEach(visit);

  return { schema: copy, data };
}

/**
 * bpmn-js names the arrow-head markers with a random id per viewer; give them fixed names so
 * that a rerun on an unchanged model writes the same SVG.
 */
function stableSvg(svg) {
  const ids = new Map();
  const markerIds = [ ...svg.matchAll(/<marker [^>]*id="([^"]+)"/g) ].map(m => m[1]);
  markerIds.forEach((id, i) => ids.set(id, `marker-${i + 1}`));
  let out = svg;
  for (const [ from, to ] of ids) {
    out = out.split(from).join(to); // random, so found only where it names the marker
  }
  return out.endsWith('\n') ? out : out + '\n';
}

/** Make the viewport at least as large as the element, so the screenshot holds all of it. */
async function fitViewport(page, selector) {
  await settle(page);
  const size = await page.$eval(selector, element => {
    const box = element.getBoundingClientRect();
    return { width: Math.ceil(box.right), height: Math.ceil(box.bottom) };
  });
  const viewport = page.viewport();
  if (size.width > viewport.width || size.height > viewport.height) {
    await page.setViewport({
      width: Math.max(size.width, viewport.width),
      height: Math.max(size.height, viewport.height),
      deviceScaleFactor: SCALE
    });
    await settle(page);
  }
}

/** Wait for fonts and two frames, so the screenshot has the final layout. */
async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

main().catch(error => {
  console.error(error.stack || error.message);
  process.exit(1);
});
