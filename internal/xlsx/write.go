package xlsx

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Sheet is one sheet to write: its name and its rows of cells. A cell is a
// string, a float64 (NaN is blank), an int, an int64 or nil (blank).
type Sheet struct {
	Name         string
	Rows         [][]any
	Widths       []float64 // column widths in characters from column A; 0 keeps the default
	BoldHeader   bool      // row 1 in bold
	FreezeHeader bool      // row 1 stays in view when scrolling
	// Mark, when set, is printed at the top and the bottom of every page
	// (the header and footer): who exported the sheet, and when.
	Mark string
}

// Write writes sheets as a workbook to w, the first sheet active. Numbers
// are stored as numbers with the shortest text that reads back as the same
// float64.
func Write(w io.Writer, sheets []Sheet) error {
	if len(sheets) == 0 {
		return fmt.Errorf("xlsx: a workbook needs at least one sheet")
	}
	f := excelize.NewFile()
	defer f.Close()
	seen := map[string]bool{}
	for i, s := range sheets {
		// Excel compares sheet names without case; excelize's NewSheet
		// would silently return the existing sheet.
		key := strings.ToLower(s.Name)
		if seen[key] {
			return fmt.Errorf("xlsx: sheet name %q used twice", s.Name)
		}
		seen[key] = true
		var err error
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
		if err := writeSheet(f, s); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
		if s.Mark != "" {
			// & starts a code in a header: && is a literal ampersand.
			m := "&C" + strings.ReplaceAll(s.Mark, "&", "&&")
			if err := f.SetHeaderFooter(s.Name, &excelize.HeaderFooterOptions{OddHeader: m, OddFooter: m}); err != nil {
				return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
			}
		}
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

// WriteFile writes the workbook to path through a temporary file in the
// same folder, renamed into place, so that a failure leaves no half file.
func WriteFile(path string, sheets []Sheet) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = Write(tmp, sheets); err != nil {
		return err
	}
	// CreateTemp makes the file private (0600); an output file is
	// meant to be shared like any other document.
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func writeSheet(f *excelize.File, s Sheet) error {
	width := 0
	for r, row := range s.Rows {
		width = max(width, len(row))
		for c, v := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := setCell(f, s.Name, ref, v); err != nil {
				return fmt.Errorf("%s: %w", ref, err)
			}
		}
	}
	for c, w := range s.Widths {
		if w <= 0 {
			continue
		}
		col, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(s.Name, col, col, w); err != nil {
			return err
		}
	}
	if s.BoldHeader && len(s.Rows) > 0 && len(s.Rows[0]) > 0 {
		style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		if err != nil {
			return err
		}
		last, _ := excelize.CoordinatesToCellName(len(s.Rows[0]), 1)
		if err := f.SetCellStyle(s.Name, "A1", last, style); err != nil {
			return err
		}
	}
	if s.FreezeHeader {
		return f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	return nil
}

func setCell(f *excelize.File, sheet, ref string, v any) error {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		return f.SetCellStr(sheet, ref, v)
	case int:
		return f.SetCellInt(sheet, ref, int64(v))
	case int64:
		return f.SetCellInt(sheet, ref, v)
	case float64:
		if math.IsNaN(v) {
			return nil
		}
		if math.IsInf(v, 0) {
			return fmt.Errorf("infinite number")
		}
		// SetCellFloat keeps only 15 significant digits (Excel's display
		// precision); SetCellDefault stores our exact text as a number.
		return f.SetCellDefault(sheet, ref, formatFloat(v))
	}
	return fmt.Errorf("unsupported cell type %T", v)
}

// formatFloat writes v with the fewest digits that read back as v, in plain
// notation where that stays short and in E notation for very large or
// small magnitudes.
func formatFloat(v float64) string {
	if v == 0 {
		return "0" // also for -0, which Excel would show as "-0"
	}
	if a := math.Abs(v); a >= 1e-6 && a < 1e21 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'E', -1, 64)
}
