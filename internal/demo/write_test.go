package demo

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

var files = []string{"data-2021.xlsx", "data-2022.xlsx", "events-2022.csv", "targets-2021.csv", "targets-2022.csv", "method.toml"}

func writeAll(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	paths, err := WriteFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(files) {
		t.Fatalf("wrote %v, want %v", paths, files)
	}
	for i, p := range paths {
		if filepath.Base(p) != files[i] {
			t.Errorf("wrote %s, want %s", p, files[i])
		}
	}
	return dir
}

// readBack reads a written file as a table: a workbook's given sheet, or a
// CSV file.
func readBack(t *testing.T, path, sheet string) *table.Table {
	t.Helper()
	if strings.HasSuffix(path, ".xlsx") {
		tb, err := xlsx.ReadTable(path, sheet)
		if err != nil {
			t.Fatal(err)
		}
		return tb
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := table.Read(path, f)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestWriteFilesIsDeterministic(t *testing.T) {
	a, b := writeAll(t), writeAll(t)
	for _, f := range files {
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f)
		}
	}
	for _, f := range files[:2] {
		for _, sheet := range []string{DataSheet, NotesSheet} {
			if d := cmp.Diff(readBack(t, filepath.Join(a, f), sheet).Rows, readBack(t, filepath.Join(b, f), sheet).Rows); d != "" {
				t.Errorf("%s %s: cell values differ between two runs:\n%s", f, sheet, d)
			}
		}
	}
}

// TestWrittenWorkbookReadsBack checks the layout of the contract and that
// every number reads back exactly as generated.
func TestWrittenWorkbookReadsBack(t *testing.T) {
	dir := writeAll(t)
	for _, year := range []int{2021, 2022} {
		d := mustGenerate(t, year)
		tb := readBack(t, filepath.Join(dir, "data-"+itoa(year)+".xlsx"), "")
		if tb.Sheet != DataSheet {
			t.Errorf("first sheet %q, want %q", tb.Sheet, DataSheet)
		}
		if d := cmp.Diff(Header(), tb.Header); d != "" {
			t.Fatalf("header (-want +got):\n%s", d)
		}
		if len(tb.Rows) != 86 {
			t.Fatalf("%d rows, want 86", len(tb.Rows))
		}
		for i, r := range d.Rows {
			got := tb.Rows[i]
			if d := cmp.Diff([]string{r.Code, r.Name, r.Prefecture, r.Type, r.Type2}, got[:5]); d != "" {
				t.Errorf("row %d identity (-want +got):\n%s", i, d)
			}
			for j, want := range r.Values {
				if v, ok := table.ParseNumber(got[5+j]); !ok || v != want {
					t.Errorf("%d %s %s: read %q, generated %v", year, r.Code, Indicators()[j].Code, got[5+j], want)
				}
			}
		}
		notes := readBack(t, filepath.Join(dir, "data-"+itoa(year)+".xlsx"), NotesSheet)
		var text strings.Builder
		for _, row := range notes.Rows {
			text.WriteString(strings.Join(row, " "))
		}
		for _, want := range []string{"示例数据", "20230331", "10509.8", "417.7", "qiangxian demo generate"} {
			if !strings.Contains(text.String(), want) {
				t.Errorf("sheet %s does not mention %q", NotesSheet, want)
			}
		}
	}
	ev := readBack(t, filepath.Join(dir, "events-2022.csv"), "")
	tg := readBack(t, filepath.Join(dir, "targets-2022.csv"), "")
	if d := cmp.Diff([]string{"单位代码", "日期", "事件类型", "提供部门", "文号", "备注"}, ev.Header); d != "" {
		t.Errorf("events header (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"单位代码", "指标", "目标值", "备注"}, tg.Header); d != "" {
		t.Errorf("targets header (-want +got):\n%s", d)
	}
	d22 := mustGenerate(t, 2022)
	if len(ev.Rows) != len(d22.Events) || len(tg.Rows) != 86 {
		t.Errorf("%d event rows (want %d), %d target rows (want 86)", len(ev.Rows), len(d22.Events), len(tg.Rows))
	}
}

// TestExamplesAreCurrent keeps examples/gansu in step with the generator:
// after a change to it, run `qiangxian demo generate --out examples/gansu`.
func TestExamplesAreCurrent(t *testing.T) {
	const examples = "../../examples/gansu"
	dir := writeAll(t)
	for _, f := range files[2:] {
		want, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(examples, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, got) {
			t.Errorf("examples/gansu/%s is not what the generator writes: regenerate it", f)
		}
	}
	for _, f := range files[:2] {
		for _, sheet := range []string{DataSheet, NotesSheet} {
			want := readBack(t, filepath.Join(dir, f), sheet)
			got := readBack(t, filepath.Join(examples, f), sheet)
			if d := cmp.Diff(want.Rows, got.Rows); d != "" {
				t.Errorf("examples/gansu/%s sheet %s is not what the generator writes: regenerate it\n%s", f, sheet, d)
			}
		}
	}
}
