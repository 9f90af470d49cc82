package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSM3Sum: the digest of "abc" is GB/T 32905's example A.1; -c accepts
// the list it printed and refuses it once the file changes.
func TestSM3Sum(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("abc.txt", []byte("abc"), 0o600)
	code, out, stderr := run(t, "sm3sum", "abc.txt")
	want := "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0  abc.txt\n"
	if code != 0 || out != want {
		t.Fatalf("sm3sum: exit %d, %q %s; want %q", code, out, stderr, want)
	}
	sums := filepath.Join(dir, "SM3SUMS")
	os.WriteFile(sums, []byte(out), 0o600)
	if code, out, _ := run(t, "sm3sum", "-c", sums); code != 0 || out != "abc.txt: OK\n" {
		t.Errorf("check: exit %d, %q", code, out)
	}
	os.WriteFile("abc.txt", []byte("abd"), 0o600)
	if code, out, _ := run(t, "sm3sum", "-c", sums); code != 1 || !strings.Contains(out, "abc.txt: ") || strings.Contains(out, "OK") {
		t.Errorf("check after a change: exit %d, %q", code, out)
	}
	os.WriteFile(sums, []byte("xyz abc.txt\n"), 0o600)
	if code, _, stderr := run(t, "sm3sum", "-c", sums); code != exitUsage || !strings.Contains(stderr, "SM3SUMS:1:1:") {
		t.Errorf("bad list: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "sm3sum"); code != exitUsage {
		t.Errorf("no files: exit %d", code)
	}
}
