package table

import (
	"fmt"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func init() {
	locale.Register(map[string][2]string{
		"limit.file": {"文件超过 %d 字节的上限（配置项 limits.file_bytes）", "the file is over the limit of %d bytes (setting limits.file_bytes)"},
		"limit.rows": {"数据超过 %d 行的上限（配置项 limits.rows）", "more than %d data rows (setting limits.rows)"},
		"limit.cols": {"超过 %d 列的上限（配置项 limits.columns）", "more than %d columns (setting limits.columns)"},
		"limit.cells": {"表格超过 %d 个单元格（行数 × 表头列数）的上限（配置项 limits.cells）",
			"the table has more than %d cells (rows × header columns; setting limits.cells)"},
		"limit.cell": {"单元格超过 %d 字节的上限（配置项 limits.cell_bytes）", "the cell is over the limit of %d bytes (setting limits.cell_bytes)"},
		"limit.row":  {"一行超过 %d 字节的上限（配置项 limits.row_bytes）", "the row is over the limit of %d bytes (setting limits.row_bytes)"},
	})
}

// Limits bound what a reader of uploaded tables may take in, whatever the
// file claims: a file over a limit is refused at the place where it goes
// over, before the reader holds more than the limits allow. The zero
// value is no valid limit; start from DefaultLimits.
type Limits struct {
	FileBytes int64 // the file as uploaded (CSV or workbook)
	Rows      int   // data rows
	Columns   int   // fields of a row, the header included
	Cells     int   // rows × header columns of the table as read
	CellBytes int   // the text of one cell
	RowBytes  int   // one CSV record

	// Workbooks are zip archives: a small file can expand enormously.
	PartBytes     int64 // one part (a sheet's XML), uncompressed
	UnzipBytes    int64 // all parts of the archive together, uncompressed
	Ratio         int   // uncompressed ÷ compressed size of a part over 1 MiB
	SharedStrings int   // entries of the shared string table
	SharedBytes   int64 // the shared strings' text together
}

// DefaultLimits returns limits that fit a province's yearbook with room to
// spare (2,800 counties × 1,000 indicators is 2.8 million cells) and keep
// the worst file at a few hundred megabytes of memory.
func DefaultLimits() Limits {
	return Limits{
		FileBytes:     64 << 20,
		Rows:          1_000_000,
		Columns:       4096,
		Cells:         4_000_000,
		CellBytes:     32 << 10,
		RowBytes:      4 << 20,
		PartBytes:     256 << 20,
		UnzipBytes:    512 << 20,
		Ratio:         200,
		SharedStrings: 1_000_000,
		SharedBytes:   64 << 20,
	}
}

// CommandLimits returns the limits of the analysis commands (invest
// metrics, monitor, zones, evaluate): an analyst's own files on her own
// machine, such as a year's ledger of 1,000,000 funds rows or 3,000
// counties' monthly figures, are larger than a server upload may be, yet
// still bounded (the worst accepted file needs a few gigabytes at most).
// The server and `qiangxian import` keep DefaultLimits or the configured
// [limits].
func CommandLimits() Limits {
	l := DefaultLimits()
	l.FileBytes = 1 << 30
	l.Rows = 10_000_000
	l.Cells = 64_000_000
	l.UnzipBytes = 2 << 30
	l.PartBytes = 1 << 30
	l.SharedStrings = 16_000_000
	l.SharedBytes = 512 << 20
	return l
}

// Validate reports a limit that is not positive.
func (l Limits) Validate() error {
	for _, v := range []struct {
		name string
		n    int64
	}{
		{"file_bytes", l.FileBytes}, {"rows", int64(l.Rows)}, {"columns", int64(l.Columns)},
		{"cells", int64(l.Cells)}, {"cell_bytes", int64(l.CellBytes)}, {"row_bytes", int64(l.RowBytes)},
		{"part_bytes", l.PartBytes}, {"unzip_bytes", l.UnzipBytes}, {"ratio", int64(l.Ratio)},
		{"shared_strings", int64(l.SharedStrings)}, {"shared_bytes", l.SharedBytes},
	} {
		if v.n <= 0 {
			return fmt.Errorf("limits.%s %d is not positive", v.name, v.n)
		}
	}
	return nil
}
