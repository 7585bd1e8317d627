#!/usr/bin/env node
// Compares Stele's TypeScript/JavaScript import reader with a real JavaScript parser: acorn, the
// one Node bundles (reached with --expose-internals; nothing is downloaded). For every .js, .mjs,
// .cjs file of a tree that acorn parses (as a module, else as a script), the imports acorn's tree
// holds (import/export … from, import(), require() with one string literal or a template without
// substitutions; a require() or import() of anything else is "ambiguous") must be exactly the ones
// `stele scan --format json` lists, by file, line and specifier. TypeScript files are left out:
// acorn reads no types. Usage:
//   node --expose-internals scripts/differential-typescript.mjs [TREE] [STELE]
// Default TREE: a copy of npm's own sources and its bundled packages (/usr/lib/node_modules/npm),
// made under /tmp/stele-ts-corpus, since Stele (like every tool) skips folders named node_modules.
import { createRequire } from 'node:module'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const require = createRequire(import.meta.url)
const acorn = require('internal/deps/acorn/acorn/dist/acorn')
const stele = process.argv[3] ?? path.resolve('.build/debug/stele')
let tree = process.argv[2]
if (!tree) {
  tree = '/tmp/stele-ts-corpus'
  if (!fs.existsSync(tree)) {
    fs.mkdirSync(tree, { recursive: true })
    fs.cpSync('/usr/lib/node_modules/npm', path.join(tree, 'npm'), { recursive: true, filter: (p) => !p.endsWith('/npm/node_modules') })
    fs.cpSync('/usr/lib/node_modules/npm/node_modules', path.join(tree, 'deps'), { recursive: true })
  }
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return
  visit(node)
  for (const key of Object.keys(node)) {
    const value = node[key]
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit))
    else if (value && typeof value.type === 'string') walk(value, visit)
  }
}

const literal = (node) =>
  node?.type === 'Literal' && typeof node.value === 'string' ? node.value
    : node?.type === 'TemplateLiteral' && node.expressions.length === 0 && !node.quasis[0].value.raw.includes('\\') && !node.quasis[0].value.raw.includes('\n') ? node.quasis[0].value.cooked
    : null

function acornImports(source) {
  let ast
  for (const sourceType of ['module', 'script']) {
    try {
      ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType, locations: true, allowHashBang: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true })
      break
    } catch { ast = null }
  }
  if (!ast) return null
  const found = []
  walk(ast, (node) => {
    const line = node.loc.start.line
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) {
      found.push(`${line} ${node.source.value}`)
    } else if (node.type === 'ImportExpression') {
      const value = literal(node.source)
      found.push(value !== null && !(node.source.type === 'Literal' && node.source.raw.includes('\\')) ? `${line} ${value}` : `${line} <ambiguous>`)
    } else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) {
      const argument = node.arguments[0]
      const value = literal(argument)
      found.push(value !== null && !(argument.type === 'Literal' && argument.raw.includes('\\')) ? `${line} ${value}` : `${line} <ambiguous>`)
    }
  })
  return found.sort()
}

const started = process.hrtime.bigint()
const scan = JSON.parse(execFileSync(stele, ['scan', tree, '--format', 'json', '--no-cache'], { maxBuffer: 1 << 30 }).toString())
const seconds = Number(process.hrtime.bigint() - started) / 1e9
let files = 0, unparsed = 0, imports = 0, ambiguous = 0, same = 0
const differences = []
for (const file of scan.files) {
  if (!/\.(js|mjs|cjs)$/.test(file.path)) continue
  const expected = acornImports(fs.readFileSync(path.join(tree, file.path), 'utf8'))
  if (expected === null) { unparsed++; continue }
  files++
  const seen = [...file.imports, ...(file.unresolvedImports ?? [])]
    .map((one) => `${one.line} ${one.path === '' ? '<ambiguous>' : one.path}`).sort()
  imports += expected.length
  ambiguous += expected.filter((one) => one.endsWith('<ambiguous>')).length
  if (JSON.stringify(seen) === JSON.stringify(expected)) { same++; continue }
  const missing = expected.filter((one) => !seen.includes(one))
  const extra = seen.filter((one) => !expected.includes(one))
  differences.push(`${file.path}: missing ${JSON.stringify(missing)} extra ${JSON.stringify(extra)}`)
}
console.log(`${tree}: ${files} JavaScript files acorn parses (${unparsed} it does not, left out), ${imports} imports (${ambiguous} ambiguous)`)
console.log(`same imports in ${same} of ${files} files; stele scan --no-cache over the whole tree: ${seconds.toFixed(2)} s`)
for (const line of differences.slice(0, 40)) console.log('  ' + line)
process.exit(differences.length === 0 ? 0 : 1)
