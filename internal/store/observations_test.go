package store_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// values renders figures as "unit/indicator/period=value(status)@revision".
func values(obs []store.Observation) []string {
	var s []string
	for _, o := range obs {
		s = append(s, fmt.Sprintf("%s/%s/%s=%v(%s)@%d", o.Unit, o.Indicator, o.Period, o.Value, o.Status, o.Revision))
	}
	return s
}

func TestObservationsAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		r1, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import", Source: "2022.xlsx"}, []store.Observation{
			obs("620123", "gdp", "2022", 300.5), obs("620121", "gdp", "2022", 200), obs("620123", "rev", "2022", 10),
		})
		if err != nil {
			t.Fatal(err)
		}
		// A correction of one figure and a new one, in a second revision.
		corr := obs("620123", "gdp", "2022", 301.25)
		corr.Status, corr.Note = store.StatusCorrected, "统计局复核"
		r2, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "correction"}, []store.Observation{
			corr, obs("620821", "gdp", "2022", math.NaN()),
		})
		if err != nil {
			t.Fatal(err)
		}
		if r2.ID != r1.ID+1 {
			t.Errorf("revisions %d then %d, want consecutive", r1.ID, r2.ID)
		}
		// The county confirms its GDP in a third revision.
		r3, err := db.SetStatus(ctx, store.Actor{Username: "yz"}, store.RevisionNote{Kind: "confirmation"},
			[]store.ObservationKey{{Unit: "620123", Indicator: "gdp", Period: "2022"}}, store.StatusConfirmed, "核对无误")
		if err != nil {
			t.Fatal(err)
		}
		read := func(f store.ObservationFilter) []string {
			t.Helper()
			got, err := db.Observations(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return values(got)
		}
		tests := []struct {
			name string
			f    store.ObservationFilter
			want []string
		}{
			{"as of the import", store.ObservationFilter{AsOf: r1.ID}, []string{
				"620121/gdp/2022=200(reported)@1", "620123/gdp/2022=300.5(reported)@1", "620123/rev/2022=10(reported)@1"}},
			{"as of the correction", store.ObservationFilter{AsOf: r2.ID}, []string{
				"620121/gdp/2022=200(reported)@1", "620123/gdp/2022=301.25(corrected)@2", "620821/gdp/2022=NaN(reported)@2",
				"620123/rev/2022=10(reported)@1"}},
			{"latest", store.ObservationFilter{}, []string{
				"620121/gdp/2022=200(reported)@1", "620123/gdp/2022=301.25(confirmed)@3", "620821/gdp/2022=NaN(reported)@2",
				"620123/rev/2022=10(reported)@1"}},
			{"one department", store.ObservationFilter{Department: "财政厅"}, []string{"620123/rev/2022=10(reported)@1"}},
			{"one prefecture", store.ObservationFilter{Prefecture: "620800"}, []string{"620821/gdp/2022=NaN(reported)@2"}},
			{"units and indicators", store.ObservationFilter{Units: []string{"620121", "620123"}, Indicators: []string{"gdp"}, AsOf: r1.ID},
				[]string{"620121/gdp/2022=200(reported)@1", "620123/gdp/2022=300.5(reported)@1"}},
			{"another period", store.ObservationFilter{Periods: []string{"2021"}}, nil},
		}
		if r1.ID != 1 {
			t.Fatalf("first revision is %d, want 1", r1.ID)
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if diff := cmp.Diff(tt.want, read(tt.f)); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			})
		}
		hist, err := db.ObservationHistory(ctx, store.ObservationKey{Unit: "620123", Indicator: "gdp", Period: "2022"})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"620123/gdp/2022=300.5(reported)@1", "620123/gdp/2022=301.25(corrected)@2",
			"620123/gdp/2022=301.25(confirmed)@3"}, values(hist)); diff != "" {
			t.Errorf("history (-want +got):\n%s", diff)
		}
		rev, err := db.Revision(ctx, r3.ID)
		if err != nil || rev.Username != "yz" || rev.Kind != "confirmation" {
			t.Errorf("revision 3 = %+v, %v", rev, err)
		}
		if latest, _ := db.LatestRevision(ctx); latest != r3.ID {
			t.Errorf("LatestRevision = %d, want %d", latest, r3.ID)
		}
	})
}

func TestImportIsAllOrNothing(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		bad := []struct {
			name string
			rows []store.Observation
			msg  string
		}{
			{"unknown unit", []store.Observation{obs("620123", "gdp", "2022", 1), obs("999999", "gdp", "2022", 1)}, "row 2: unknown unit 999999"},
			{"unknown indicator", []store.Observation{obs("620123", "gva", "2022", 1)}, "unknown indicator gva"},
			{"bad period", []store.Observation{obs("620123", "gdp", "22", 1)}, "bad period 22"},
			{"twice", []store.Observation{obs("620123", "gdp", "2022", 1), obs("620123", "gdp", "2022", 2)}, "given twice"},
			{"infinite", []store.Observation{obs("620123", "gdp", "2022", math.Inf(1))}, "infinite"},
			{"nothing", nil, "nothing"},
		}
		for _, tt := range bad {
			_, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, tt.rows)
			if !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("%s: err = %v, want ErrInvalid with %q", tt.name, err, tt.msg)
			}
		}
		if got, _ := db.Observations(ctx, store.ObservationFilter{}); len(got) != 0 {
			t.Errorf("refused imports left %d figures", len(got))
		}
		if latest, _ := db.LatestRevision(ctx); latest != 0 {
			t.Errorf("refused imports left revision %d", latest)
		}
		if ps, _ := db.Periods(ctx); len(ps) != 0 {
			t.Errorf("refused imports left periods %v", ps)
		}
	})
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		in, code, label string
	}{
		{"2022", "2022", "2022年"}, {"2023-M03", "2023-M03", "2023年1–3月"}, {"2023-M3", "2023-M03", "2023年1–3月"},
		{"2023-Q2", "2023-M06", "2023年1–6月"}, {"2023-M01", "2023-M01", "2023年1月"},
	}
	for _, tt := range tests {
		p, err := store.ParsePeriod(tt.in)
		if err != nil || p.Code != tt.code || p.Label() != tt.label {
			t.Errorf("ParsePeriod(%q) = %+v (%s), %v; want %s, %s", tt.in, p, p.Label(), err, tt.code, tt.label)
		}
	}
	for _, bad := range []string{"", "22", "2023-M13", "2023-Q5", "2023-M", "2023-X1", "year", "2023-M0"} {
		if _, err := store.ParsePeriod(bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("ParsePeriod(%q) = %v, want ErrInvalid", bad, err)
		}
	}
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{
			obs("620123", "gdp", "2023-Q1", 70), obs("620123", "gdp", "2023-M06", 150)}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Observations(ctx, store.ObservationFilter{Periods: []string{"2023-M03"}})
		if err != nil || len(got) != 1 || got[0].Value != 70 {
			t.Errorf("quarter stored as its cumulative months: %v, %v", values(got), err)
		}
	})
}

// TestAppendOnlyTriggers checks the database itself refuses to overwrite
// figures, revisions and the audit log, whatever path a change takes.
func TestAppendOnlyTriggers(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{obs("620123", "gdp", "2022", 1)}); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`UPDATE observations SET value = 2`,
			`DELETE FROM observations`,
			`UPDATE revisions SET note = 'x'`,
			`DELETE FROM revisions`,
			`UPDATE audit_log SET username = 'mallory'`,
			`DELETE FROM audit_log`,
		} {
			if err := db.ExecForTest(ctx, q); !errors.Is(err, store.ErrImmutable) {
				t.Errorf("%s: err = %v, want ErrImmutable", q, err)
			}
		}
		got, _ := db.Observations(ctx, store.ObservationFilter{})
		if len(got) != 1 || got[0].Value != 1 {
			t.Errorf("figures changed: %v", values(got))
		}
	})
}
