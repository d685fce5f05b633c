import { join } from 'node:path';
import { formatFiles, generateFiles, names, type Tree } from '@nx/devkit';
import { SDK_VERSION } from '@frontdoor/plugin-sdk';

export interface PluginGeneratorOptions {
  name: string;
  department: string;
  directory?: string;
  /**
   * For a plugin in the department's own repository, outside this workspace: its own
   * package.json (peer dependencies on the SDK tarball, `build` and `test` scripts),
   * tsconfig.json and jest.config.js instead of the workspace's.
   */
  standalone?: boolean;
  /** The npm name of a standalone plugin; default `@kommun/plugin-<name>`. */
  packageName?: string;
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
  const substitutions = {
    id: options.name,
    department: options.department,
    className: n.className,
    propertyName: n.propertyName,
    fileName: n.fileName,
    root,
    packageName: options.packageName ?? `@kommun/plugin-${options.name}`,
    sdkMajor: SDK_VERSION.split('.')[0],
    template: '',
  };
  generateFiles(tree, join(__dirname, 'files'), root, substitutions);
  if (options.standalone) {
    // The workspace's package.json and project.json make way for a repository of its own.
    tree.delete(join(root, 'project.json'));
    generateFiles(tree, join(__dirname, 'files-standalone'), root, substitutions);
  }
  await formatFiles(tree);
}

export default pluginGenerator;
