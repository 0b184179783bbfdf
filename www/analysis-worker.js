// Analysis worker for Rare-Earth Outlook: loads the page's own WebAssembly module and runs the Monte Carlo
// and tornado analyses off the main thread, one request at a time (see src/app/analysis_hook.rs).
let bindings = null;

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.kind === 'init') {
    try {
      const module = await import(message.module);
      await module.default({ module_or_path: message.wasm });
      bindings = module;
      self.postMessage({ kind: 'ready' });
    } catch (error) {
      self.postMessage({ kind: 'failed', error: String(error) });
    }
    return;
  }
  if (message.kind === 'run') {
    if (!bindings) {
      self.postMessage({ kind: 'failed', error: 'the worker is not ready' });
      return;
    }
    try {
      const output = bindings.runAnalysis(message.input);
      if (output.length === 0) throw new Error('the analysis request was malformed');
      self.postMessage({ kind: 'answer', id: message.id, output }, [output.buffer]);
    } catch (error) {
      self.postMessage({ kind: 'failed', error: String(error) });
    }
  }
};
