package cli

import (
	"os"
	"runtime"
	"testing"
)

// allocatedByInit is how many bytes the program's package initialisation
// allocated: every package the command line links has run its init when
// TestMain starts.
var allocatedByInit uint64

func TestMain(m *testing.M) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	allocatedByInit = ms.TotalAlloc
	os.Exit(m.Run())
}

// TestInitIsCheap guards that nothing expensive runs at package init, which
// every command pays: an argon2id hash there once cost every command 19 MiB
// (and ~130 ms), and parsing the page templates 5.9 MB (and ~38 ms). What
// is left is mostly excelize's tables (1.3 MB).
func TestInitIsCheap(t *testing.T) {
	const limit = 4 << 20
	if allocatedByInit > limit {
		t.Errorf("package init allocated %.1f MB, want at most %.1f MB: something expensive runs at init (see GODEBUG=inittrace=1)",
			float64(allocatedByInit)/(1<<20), float64(limit)/(1<<20))
	}
	t.Logf("package init allocated %.2f MB", float64(allocatedByInit)/(1<<20))
}
