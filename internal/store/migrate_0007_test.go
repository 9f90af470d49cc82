package store_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/store"
)

// TestMigration0007KeepsFigures stores figures in the schema of migration
// 0004 (key: unit, indicator, period, revision), migrates to the latest
// (key: period, indicator, unit, revision) and reads them back, as of now
// and as of the first revision, in the order Observations promises.
func TestMigration0007KeepsFigures(t *testing.T) {
	// Two revisions: 1 reports three figures of two periods, 2
	// corrects one of them.
	before := []string{
		`INSERT INTO observations (unit_code, indicator_code, period_code, revision_id, value, status) VALUES
				('620102', 'gdp', '2022', 1, 10, 'reported'), ('620102', 'gdp', '2021', 1, 9, 'reported'),
				('620101', 'rev', '2022', 1, 3, 'reported'), ('620102', 'gdp', '2022', 2, 11, 'corrected')`,
	}
	migratedFrom(t, 4, before, func(t *testing.T, db *store.DB) {
		type fig struct {
			Unit, Indicator, Period string
			Revision                int64
			Value                   float64
		}
		read := func(asOf int64) []fig {
			obs, err := db.Observations(ctx, store.ObservationFilter{AsOf: asOf})
			if err != nil {
				t.Fatal(err)
			}
			var out []fig
			for _, o := range obs {
				out = append(out, fig{o.Unit, o.Indicator, o.Period, o.Revision, o.Value})
			}
			return out
		}
		// Ordered by period, indicator, unit; the latest revision of each.
		want := []fig{{"620102", "gdp", "2021", 1, 9}, {"620102", "gdp", "2022", 2, 11}, {"620101", "rev", "2022", 1, 3}}
		if diff := cmp.Diff(want, read(store.Latest)); diff != "" {
			t.Errorf("as of now (-want +got):\n%s", diff)
		}
		want[1] = fig{"620102", "gdp", "2022", 1, 10}
		if diff := cmp.Diff(want, read(1)); diff != "" {
			t.Errorf("as of revision 1 (-want +got):\n%s", diff)
		}
		// The table is still append-only.
		if err := db.ExecForTest(ctx, `UPDATE observations SET value = 0`); err == nil {
			t.Error("an UPDATE of figures went through after the migration")
		}
	})
}
