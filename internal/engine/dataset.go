package engine

import "math"

// NA is the missing value: a quiet NaN.
var NA = math.NaN()

// IsNA reports whether v is missing.
func IsNA(v float64) bool { return v != v }

// Dataset is a table of units (rows) by columns (indicators or aggregates),
// stored column by column: Vals[c][u] is the value of unit u in column c.
// Column-major storage suits the engine, whose steps work per indicator.
type Dataset struct {
	Units []string    // unit codes, in order
	Cols  []string    // column codes, in order
	Vals  [][]float64 // Vals[c] has len(Units) values; NaN = missing
}

// NewDataset returns a dataset of the given shape filled with NA.
func NewDataset(units, cols []string) *Dataset {
	d, flat := allocDataset(units, cols)
	for i := range flat {
		flat[i] = NA
	}
	return d
}

// allocDataset returns a dataset of the given shape whose values are
// zero, for callers that overwrite every value, and the one slice that
// holds all its values.
func allocDataset(units, cols []string) (*Dataset, []float64) {
	d := &Dataset{Units: append([]string(nil), units...), Cols: append([]string(nil), cols...)}
	d.Vals = make([][]float64, len(cols))
	flat := make([]float64, len(cols)*len(units))
	for c := range cols {
		d.Vals[c] = flat[c*len(units) : (c+1)*len(units) : (c+1)*len(units)]
	}
	return d, flat
}

// ColIndex returns the index of column code, or -1.
func (d *Dataset) ColIndex(code string) int {
	for i, c := range d.Cols {
		if c == code {
			return i
		}
	}
	return -1
}

// UnitIndex returns the index of unit code, or -1.
func (d *Dataset) UnitIndex(code string) int {
	for i, u := range d.Units {
		if u == code {
			return i
		}
	}
	return -1
}

// Col returns the values of column code, or nil when there is no such column.
// The slice is shared with the dataset.
func (d *Dataset) Col(code string) []float64 {
	if i := d.ColIndex(code); i >= 0 {
		return d.Vals[i]
	}
	return nil
}

// Clone returns a deep copy of d.
func (d *Dataset) Clone() *Dataset {
	c, _ := allocDataset(d.Units, d.Cols)
	for j := range d.Vals {
		copy(c.Vals[j], d.Vals[j])
	}
	return c
}

// SelectUnits returns a new dataset holding only the units at the given
// indices, in that order.
func (d *Dataset) SelectUnits(idx []int) *Dataset {
	units := make([]string, len(idx))
	for k, i := range idx {
		units[k] = d.Units[i]
	}
	c := NewDataset(units, d.Cols)
	for j := range d.Vals {
		for k, i := range idx {
			c.Vals[j][k] = d.Vals[j][i]
		}
	}
	return c
}

// SelectCols returns a new dataset holding only the named columns, in that
// order; unknown names give NA columns.
func (d *Dataset) SelectCols(cols []string) *Dataset {
	c := NewDataset(d.Units, cols)
	for k, code := range cols {
		if v := d.Col(code); v != nil {
			copy(c.Vals[k], v)
		}
	}
	return c
}
