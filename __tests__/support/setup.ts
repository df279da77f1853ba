import { removeTemporaryFolders } from './temporary';

// every test file: the folders it made under the temp folder go when it ends
afterAll(removeTemporaryFolders);
