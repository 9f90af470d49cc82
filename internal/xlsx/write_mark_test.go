package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWriteMark: a sheet's Mark is its printed header and footer, centred,
// an ampersand doubled so that it is printed and not read as a code; a
// sheet without a Mark has none.
func TestWriteMark(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, []Sheet{
		{Name: "marked", Rows: [][]any{{"a"}}, Mark: "王某某 & 李某 · 2026-12-01 23:00"},
		{Name: "plain", Rows: [][]any{{"a"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hf, err := f.GetHeaderFooter("marked")
	if err != nil {
		t.Fatal(err)
	}
	want := "&C王某某 && 李某 · 2026-12-01 23:00"
	if hf.OddHeader != want || hf.OddFooter != want {
		t.Errorf("header %q, footer %q; want %q for both", hf.OddHeader, hf.OddFooter, want)
	}
	if hf, err := f.GetHeaderFooter("plain"); err != nil || (hf != nil && (hf.OddHeader != "" || hf.OddFooter != "")) {
		t.Errorf("plain sheet: %+v, %v; want no header or footer", hf, err)
	}
}
