package store_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestRevisionChanges: a revision's diff lists the figures it wrote with
// the value each replaced (none for a new figure, the newest earlier one
// for a corrected figure even two revisions back), scoped like the figures.
func TestRevisionChanges(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		_, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{
			obs("620123", "gdp", "2022", 300.5), obs("620121", "gdp", "2022", 200), obs("620123", "rev", "2022", 10)})
		must(t, err)
		_, err = db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{
			obs("620123", "gdp", "2022", 301)})
		must(t, err)
		corr := obs("620123", "gdp", "2022", 302.75)
		corr.Status, corr.Note = store.StatusCorrected, "统计局复核"
		r3, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "correction"}, []store.Observation{
			corr, obs("620821", "gdp", "2022", math.NaN()), obs("620121", "rev", "2022", 8)})
		must(t, err)
		show := func(cs []store.FigureChange) []string {
			var s []string
			for _, c := range cs {
				old := "new"
				if c.HadOld {
					old = fmt.Sprint(c.Old.Float64)
				}
				s = append(s, fmt.Sprintf("%s/%s %s→%v(%s)", c.Unit, c.Indicator, old, c.Value.Float64, c.Status))
			}
			return s
		}
		for _, tc := range []struct {
			name  string
			f     store.ObservationFilter
			want  []string
			total int
		}{
			// 620123 gdp: 300.5 in r1, 301 in r2, 302.75 in r3: the diff of r3 shows 301 → 302.75.
			{"all", store.ObservationFilter{}, []string{"620123/gdp 301→302.75(corrected)", "620821/gdp new→0(reported)",
				"620121/rev new→8(reported)"}, 3},
			{"one department", store.ObservationFilter{Department: "财政厅"}, []string{"620121/rev new→8(reported)"}, 1},
			{"one prefecture", store.ObservationFilter{Prefecture: "620800"}, []string{"620821/gdp new→0(reported)"}, 1},
		} {
			cs, total, err := db.RevisionChanges(ctx, r3.ID, tc.f)
			must(t, err)
			if diff := cmp.Diff(tc.want, show(cs)); diff != "" || total != tc.total {
				t.Errorf("%s: total %d (want %d), -want +got:\n%s", tc.name, total, tc.total, diff)
			}
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
