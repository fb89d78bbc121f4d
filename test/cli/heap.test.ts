// The forced collections that keep a long run's memory flat (src/cli/heap.ts).
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { HeapKeeper } from '../../src/cli/heap.js';

describe('HeapKeeper', () => {
  it('collects once every `every` bytes of analysed text, not before', () => {
    const keeper = new HeapKeeper(1000);
    keeper.analysed(600);
    expect(keeper.collections).toBe(0);
    keeper.analysed(600);
    expect(keeper.collections).toBe(1);
    // The count starts again after a collection.
    keeper.analysed(900);
    expect(keeper.collections).toBe(1);
    keeper.analysed(5000);
    expect(keeper.collections).toBe(2);
  });

  it('frees garbage when it collects', () => {
    // A weak reference to an object nothing else holds is cleared by a full collection.
    let ref: WeakRef<object> | null = null;
    (() => {
      ref = new WeakRef({ text: '滨江区政协党组书记、主席逯鹰'.repeat(100) });
    })();
    return new Promise<void>((done) => {
      // WeakRef targets survive until the current job ends: collect in a later one.
      setTimeout(() => {
        new HeapKeeper(1).analysed(1);
        expect(ref!.deref()).toBeUndefined();
        done();
      }, 0);
    });
  });

  it('leaves gc unexposed to other code', () => {
    new HeapKeeper(1).analysed(1);
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });
});
