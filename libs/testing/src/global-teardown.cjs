// Stops the containers global-setup.cjs started where a Docker engine was found (once, though
// Jest may call the teardown of every project).
module.exports = async function globalTeardown() {
  const containers = globalThis.__PASSERELLE_CONTAINERS__ ?? [];
  globalThis.__PASSERELLE_CONTAINERS__ = [];
  for (const container of containers) await container.stop();
};
