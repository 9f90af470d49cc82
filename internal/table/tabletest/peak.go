// Package tabletest helps the hostile-input tests of the readers: it
// measures the heap a call takes at its peak through the process's own
// accounting, so that a test can assert that a reader stays within its
// bound whatever the file claims.
package tabletest

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// heapObjects is the heap memory occupied by objects, live or not yet
// swept: an upper bound of what the call holds at any moment.
const heapObjects = "/memory/classes/heap/objects:bytes"

// PeakHeap runs f and returns by how many bytes the heap grew over its
// size before f at its highest, sampled every 100 µs, and how long f took.
// The heap is collected first, so that earlier garbage does not count.
func PeakHeap(f func()) (peak uint64, took time.Duration) {
	runtime.GC()
	sample := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	high := base
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: heapObjects}}
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			high = max(high, s[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	f()
	took = time.Since(start)
	close(stop)
	wg.Wait()
	metrics.Read(sample)
	high = max(high, sample[0].Value.Uint64())
	return high - base, took
}
