export { pluginGenerator, type PluginGeneratorOptions } from './plugin.generator';
