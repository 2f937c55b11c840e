/** The asset registers' address segments (the generic register pages build `/o/$org/<path>` from them). */
export type AssetPath = 'assets' | 'asset-dependencies' | 'threats' | 'vulnerabilities';
export const assetPagePath = (path: AssetPath) => path;
