import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code, LayerVersion } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { buildRuntimeLayer, LAYER_PACKAGES, RUNTIME_LAYER_DIR } from './bundling.js';
import { FUNCTION_ARCHITECTURE, FUNCTION_RUNTIME } from './pms-function.js';

/** The Lambda layer holding the DynamoDB SDK clients every data function imports (lib/bundling.ts, layers/runtime). */
export class RuntimeLayer extends Construct {
  readonly layer: LayerVersion;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.layer = new LayerVersion(this, 'Layer', {
      description: `PMS runtime packages: ${LAYER_PACKAGES.join(', ')}`,
      compatibleRuntimes: [FUNCTION_RUNTIME],
      compatibleArchitectures: [FUNCTION_ARCHITECTURE],
      code: Code.fromAsset(RUNTIME_LAYER_DIR, {
        // Hash what was built, not the builder's source: a package upgrade in node_modules must publish a new version.
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Built locally with esbuild; the image is required by the API and never pulled.
          image: DockerImage.fromRegistry('unused'),
          local: {
            tryBundle(outputDir) {
              buildRuntimeLayer(outputDir);
              return true;
            },
          },
        },
      }),
    });
  }
}
