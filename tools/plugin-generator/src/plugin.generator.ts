import { join } from 'node:path';
import { formatFiles, generateFiles, names, type Tree } from '@nx/devkit';

export interface PluginGeneratorOptions {
  name: string;
  department: string;
  directory?: string;
}

/**
 * `nx g @frontdoor/plugin-generator:plugin parking-permits --department=Parkering`
 * writes plugins/parking-permits: a plugin that builds, runs against its fake department
 * system and passes the contract kit untouched; the author then replaces the fake's
 * answer and the mapping with their system's.
 */
export async function pluginGenerator(tree: Tree, options: PluginGeneratorOptions): Promise<void> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.name))
    throw new Error(`"${options.name}" is not kebab-case (e.g. parking-permits)`);
  const root = join(options.directory ?? 'plugins', options.name);
  if (tree.exists(root)) throw new Error(`${root} already exists`);
  const n = names(options.name);
  generateFiles(tree, join(__dirname, 'files'), root, {
    id: options.name,
    department: options.department,
    className: n.className,
    propertyName: n.propertyName,
    fileName: n.fileName,
    root,
    template: '',
  });
  await formatFiles(tree);
}

export default pluginGenerator;
