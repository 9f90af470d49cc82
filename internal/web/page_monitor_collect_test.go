package web_test

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
)

// TestMonitorThroughCollection walks a monitoring month through the
// collection workflow on the demo (whose 2023 months came in the same
// way): the analyst opens the tasks of 1–3月 2024; 统计局 uploads the retail
// sales of the 86 counties, each 5 % above its collected 1–3月 2023 figure
// but 凉州区's 80 % above, which the check rules hold until 统计局 explains
// it; the analyst adopts the upload as the preliminary figures; the table
// gives 凉州区 a growth of 80 %; 凉州区 reads it only from the period's
// release day on.
func TestMonitorThroughCollection(t *testing.T) {
	d := newDemoSite(t)
	ana, tjj, lz := d.as(t, "ana"), d.as(t, "tjj"), d.as(t, "liangzhou")
	r := ana.do("POST", "/api/v1/monitor/tasks", map[string]string{"period": "2024-03", "deadline": "2099-04-15"})
	var tasks []struct{ Indicator, Department, Status, Period string }
	r.decode(t, &tasks)
	// A quarter's end: the 6 monthly codes and GDP, its growth and energy
	// intensity's growth.
	if r.status != http.StatusCreated || len(tasks) != 9 || tasks[0].Period != "2024-M03" {
		t.Fatalf("tasks of 2024-03: %d %s", r.status, r.body)
	}
	if tjj.do("POST", "/api/v1/monitor/tasks", map[string]string{"period": "2024-03", "deadline": "2099-04-15"}).status != http.StatusForbidden {
		t.Error("a department opened monitoring tasks")
	}

	var last []struct {
		Unit  string
		Value float64
	}
	ana.do("GET", "/api/v1/observations?period=2023-M03&indicator=m_retail", nil).decode(t, &last)
	base := map[string]float64{}
	var csv strings.Builder
	csv.WriteString("代码,m_retail\n")
	for _, o := range last {
		if o.Unit == "620000" {
			continue
		}
		base[o.Unit] = o.Value
		f := 1.05
		if o.Unit == "620602" {
			f = 1.8
		}
		fmt.Fprintf(&csv, "%s,%v\n", o.Unit, o.Value*f)
	}
	if len(base) != 86 {
		t.Fatalf("%d counties have a collected 1–3月 2023 retail figure, want 86", len(base))
	}
	r = tjj.do("POST", "/api/v1/collection/imports", upload(t, "retail-2024-03.csv", csv.String(), map[string]string{"period": "2024-M03"}))
	var held struct {
		ID       int64
		Findings []struct{ Unit, Indicator string }
	}
	r.decode(t, &held)
	if r.status != http.StatusAccepted || len(held.Findings) == 0 {
		t.Fatalf("凉州区's 80 %% is not held: %d %s", r.status, r.body)
	}
	var explain []map[string]string
	for _, f := range held.Findings {
		if f.Unit != "620602" {
			t.Errorf("finding of %s %s, want 凉州区's alone", f.Unit, f.Indicator)
		}
		explain = append(explain, map[string]string{"unit": f.Unit, "indicator": f.Indicator, "text": "新开业大型商业综合体"})
	}
	if r := ana.do("POST", "/api/v1/monitor/adoptions", map[string]string{"period": "2024-03", "stage": "preliminary"}); r.status != http.StatusBadRequest {
		t.Errorf("adoption while the upload is held: %d %s, want 400 (nothing collected)", r.status, r.body)
	}
	if r := tjj.do("POST", fmt.Sprintf("/api/v1/collection/imports/%d/explanations", held.ID), map[string]any{"explanations": explain}); r.status != http.StatusCreated {
		t.Fatalf("explanations: %d %s", r.status, r.body)
	}
	r = ana.do("POST", "/api/v1/monitor/adoptions", map[string]string{"period": "2024-03", "stage": "preliminary"})
	var ad struct {
		Figures  int
		Stage    string
		Revision int64
	}
	r.decode(t, &ad)
	if r.status != http.StatusCreated || ad.Figures != 86 || ad.Stage != "preliminary" {
		t.Fatalf("adoption: %d %s; want 86 retail figures", r.status, r.body)
	}

	var table struct {
		Rows []struct {
			Unit, Indicator string
			Growth          *float64
			Preliminary     bool
		}
	}
	ana.do("GET", "/api/v1/monitor/table?period=2024-03", nil).decode(t, &table)
	found := false
	for _, row := range table.Rows {
		if row.Unit == "620602" && row.Indicator == "m_retail" {
			found = true
			// 100 × (1.8 v / v − 1) = 80.
			if row.Growth == nil || math.Abs(*row.Growth-80) > 1e-9 || !row.Preliminary {
				t.Errorf("凉州区's retail row = %+v, want growth 80, preliminary", row)
			}
		}
	}
	if !found {
		t.Fatalf("no retail row of 凉州区 in 2024-03: %d rows", len(table.Rows))
	}
	// The release calendar: before the release day the county reads
	// nothing of the period; from it on, its own rows.
	if r := lz.do("GET", "/api/v1/monitor/table?period=2024-03", nil); r.status != http.StatusForbidden {
		t.Errorf("凉州区 before the release: %d, want 403", r.status)
	}
	if r := ana.do("PUT", "/api/v1/monitor/releases", []map[string]string{{"period": "2024-03", "day": "2024-04-17"}}); r.status != http.StatusOK {
		t.Fatalf("release: %d %s", r.status, r.body)
	}
	table.Rows = nil
	if r := lz.do("GET", "/api/v1/monitor/table?period=2024-03", nil); r.status != http.StatusOK {
		t.Fatalf("凉州区 after the release: %d", r.status)
	} else {
		r.decode(t, &table)
	}
	for _, row := range table.Rows {
		if row.Unit != "620602" {
			t.Errorf("凉州区 reads %s's row", row.Unit)
		}
	}
	var ads []struct{ Period, Stage string }
	ana.do("GET", "/api/v1/monitor/adoptions?year=2024", nil).decode(t, &ads)
	if len(ads) != 1 || ads[0].Period != "2024-03" {
		t.Errorf("adoptions of 2024 = %+v", ads)
	}
}
