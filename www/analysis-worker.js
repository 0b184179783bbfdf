// Analysis worker for Rare-Earth Outlook: loads the page's own WebAssembly module, whose main function then answers
// the page's analysis requests. The page's first message is [module address, wasm address]; every message after that
// belongs to the module (src/web/worker.rs defines them). A failure to load reaches the page as an error event.
self.onmessage = async (event) => {
  self.onmessage = null;
  try {
    const [module, wasm] = event.data;
    const bindings = await import(module);
    await bindings.default({ module_or_path: wasm });
  } catch (error) {
    reportError(error);
  }
};
