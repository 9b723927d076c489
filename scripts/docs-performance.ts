/**
 * Writes the figures of docs/performance.md from bench/results/ (bench/figures-doc.ts):
 *
 *   npm run bench && npm run docs:performance
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { figuresSection, withFigures } from '../bench/figures-doc';

const path = 'docs/performance.md';
writeFileSync(path, withFigures(readFileSync(path, 'utf8'), figuresSection('bench/results')));
console.log(`${path}: figures from bench/results/`);
