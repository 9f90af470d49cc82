package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// zoneResults adds the evaluated period to the grade history of hpath (none
// when empty) and assesses it: every unit's grade, streak and management
// warnings, by unit code. A unit's record is its overall score, its
// primary type as group and its rank in that type (分类排名) as group rank;
// its grade is computed by the method's [[grade]] bands from them (a
// max_rank band reads the group rank), no better than the grade cap the
// method's thresholds and events give it.
func (e *env) zoneResults(m *method.Method, o *method.Outcome, hpath, cpath string) (map[string]zone.Result, error) {
	if o.Period == "" {
		return nil, e.usageErr("需要 --period（数据文件名中没有年份）", "--period is required (the data file name holds no year)")
	}
	current := make([]zone.Record, len(o.Units))
	for u, unit := range o.Units {
		r := zone.Record{Period: o.Period, Unit: unit.Code, Score: o.Overall[u], GroupRank: o.Rank[u]}
		if u < len(o.GradeCap) {
			r.Cap = o.GradeCap[u] // a cap_grade threshold or event (化工园区 A 类不得评为优秀)
		}
		if len(unit.Types) > 0 {
			r.Group = unit.Types[0]
			for _, tr := range o.Types {
				if k := slices.Index(tr.Members, u); tr.Type == r.Group && k >= 0 {
					r.GroupRank = tr.Rank[k]
				}
			}
		}
		current[u] = r
	}
	var h *zone.History
	var err error
	if hpath != "" {
		var t *table.Table
		if t, err = openTable(hpath); err == nil {
			h, err = zone.ReadHistoryWith(t, m.Grades, current)
		}
	} else {
		h, err = zone.Build(current, m.Grades)
	}
	if err != nil {
		return nil, err
	}
	var ch zone.Changes
	if cpath != "" {
		t, err := openTable(cpath)
		if err != nil {
			return nil, err
		}
		if ch, err = zone.ReadChanges(t); err != nil {
			return nil, err
		}
	}
	res, err := zone.Assess(h, m.Management, ch, o.Period)
	if err != nil {
		return nil, err
	}
	out := make(map[string]zone.Result, len(res))
	for _, r := range res {
		out[r.Unit] = r
	}
	return out, nil
}

// appendZoneColumns copies the long-format CSV long to w with grade,
// streak and warnings appended to every row of a unit (the unit is the
// first column), as written by zones manage.
func appendZoneColumns(w io.Writer, long []byte, res map[string]zone.Result) error {
	rows, err := csv.NewReader(bytes.NewReader(long)).ReadAll()
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	for i, row := range rows {
		if i == 0 {
			row = append(row, "grade", "streak", "warnings")
		} else {
			r := res[row[0]]
			row = append(row, r.Grade, streakCell(r), warningsCell(r))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeMethodZonesCSV writes the long format with the zone columns.
func writeMethodZonesCSV(w io.Writer, o *method.Outcome, res map[string]zone.Result) error {
	var b bytes.Buffer
	if err := writeMethodCSV(&b, o); err != nil {
		return err
	}
	return appendZoneColumns(w, b.Bytes(), res)
}

// printZoneWarnings prints every unit's management actions with the
// periods that triggered them.
func (e *env) printZoneWarnings(o *method.Outcome, res map[string]zone.Result) {
	for _, unit := range o.Units {
		for _, w := range res[unit.Code].Warnings {
			tie := ""
			if w.Tie {
				tie = e.t("（并列，须领导小组认定）", " (tie: the leading group decides)")
			}
			fmt.Fprintf(e.stdout, "%s %s：%s（%s）%s\n", unit.Code, unit.Name, w.Action, strings.Join(w.Years, "、"), tie)
		}
	}
}
