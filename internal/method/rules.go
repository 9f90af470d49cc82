package method

import (
	"errors"
	"math"
	"slices"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// Rules are the [[grade]] and [[management]] tables of a zone assessment:
// what `qiangxian zones manage` applies to a grade history.
type Rules struct {
	File       string
	Grades     []Grade
	Management []Management
}

// rulesKeys are the top-level keys of a rules-only file. A file with any
// other key of a method file is read as a whole method file.
var rulesKeys = []string{"title", "title_en", "sample", "grade", "management"}

// ParseRules reads a rules file: one holding only [[grade]] and
// [[management]] tables (and optionally title, title_en, sample), or a whole
// method file, which is then parsed and validated as Parse does. Problems
// are returned together as Errors, each at its line and column (the
// column of the field's key).
func ParseRules(file string, src []byte) (*Rules, error) {
	var doc map[string]any
	if err := toml.Unmarshal(src, &doc); err != nil {
		line, col := 0, 0
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col = de.Position()
		}
		return nil, Errors{{File: file, Line: line, Col: col, Msg: locale.M("method.syntax", err.Error())}}
	}
	for k := range doc {
		if !slices.Contains(rulesKeys, k) && isMethodKey(k) {
			m, err := Parse(file, src)
			var es Errors
			if errors.As(err, &es) {
				return nil, withColumns(es, src)
			} else if err != nil {
				return nil, err
			}
			return &Rules{File: file, Grades: m.Grades, Management: m.Management}, nil
		}
	}
	r := &reader{file: file, pos: scanPositions(src)}
	r.known(doc, "", rulesKeys...)
	m := &Method{File: file, Source: src, pos: r.pos, Grades: r.grades(doc), Management: r.management(doc)}
	c := &checker{m: m}
	c.grades()
	c.management()
	if errs := append(r.errs, c.errs...); len(errs) > 0 {
		return nil, withColumns(errs.sorted(), src)
	}
	return &Rules{File: file, Grades: m.Grades, Management: m.Management}, nil
}

// isMethodKey reports whether k is a top-level key of a method file.
func isMethodKey(k string) bool {
	switch k {
	case "decimals", "tie_break", "overall", "no_double", "budget", "threshold", "restricted", "rise_baseline", "cliff_points", "data", "type", "pipeline", "indicator", "node", "event", "award", "uncertainty":
		return true
	}
	return false
}

// ByRank reports whether the grades are bands of the group rank (max_rank)
// rather than of the score.
func (r *Rules) ByRank() bool {
	for _, g := range r.Grades {
		if !math.IsNaN(g.MaxRank) {
			return true
		}
	}
	return false
}

// withColumns sets the column of every error that names a field.
func withColumns(es Errors, src []byte) Errors {
	cols := scanColumns(src)
	for _, e := range es {
		if e.Field != "" && e.Line > 0 {
			e.Col = cols.line(e.Field)
		}
	}
	return es
}
