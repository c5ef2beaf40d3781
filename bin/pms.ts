import { App } from 'aws-cdk-lib';
import { addPmsStack } from '../lib/pms-app.js';

addPmsStack(new App());
