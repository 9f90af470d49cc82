package store_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestMigration0023FillsSearchIndex: a ledger stored before migration 0023
// gets the trigrams of its current projects' search texts in SQL, the same
// the store computes: "m1␟冷链物流园␟acme 示例" padded with two separators has
// 2 + 5 + 7 windows not starting with one (m1␟, 1␟冷; 冷链物 … 园␟a;
// acm, cme, "me ", "e 示", " 示例", 示例␟, 例␟␟), all distinct; the superseded
// version has none. Searches of one, two and three characters find M1; the
// projects counted by county, stage and year hold it once.
func TestMigration0023FillsSearchIndex(t *testing.T) {
	before := []string{
		`INSERT INTO revisions (id, created_at, username, kind) VALUES (1, '2024-05-01 00:00:00', 'a', 'import')`,
		`INSERT INTO revisions (id, created_at, username, kind) VALUES (2, '2024-05-02 00:00:00', 'a', 'import')`,
		`INSERT INTO invest_projects (project_id, revision_id, superseded_by, name, county, investor, origin, signed, amount, search)
				VALUES ('M1', 1, 2, '旧名称', '620622', '', 2, 20240315, 1000000000, 'm1' || '` + "\x1f" + `' || '旧名称' || '` + "\x1f" + `')`,
		`INSERT INTO invest_projects (project_id, revision_id, name, county, investor, origin, signed, amount, search)
				VALUES ('M1', 2, '冷链物流园', '620622', 'Acme 示例', 2, 20240315, 1000000000,
				'm1' || '` + "\x1f" + `' || '冷链物流园' || '` + "\x1f" + `' || 'acme 示例')`,
	}
	migratedFrom(t, 22, before, func(t *testing.T, db *store.DB) {
		stored, computed, err := db.InvestSearchGramsForTest(ctx, "M1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(computed, stored); diff != "" || len(stored) != 2+5+7 {
			t.Errorf("%d trigrams stored (-computed +stored):\n%s", len(stored), diff)
		}
		if slices.Contains(stored, "旧名称") {
			t.Error("the superseded version's trigrams were stored")
		}
		if _, total, err := db.InvestProjects(ctx, store.InvestProjectFilter{County: "620622", Year: 2024, TalksCounty: "*"}); err != nil || total != 1 {
			t.Errorf("count of the current projects after the migration: %d, %v", total, err)
		}
		for _, q := range []string{"冷", "物流", "acme", "示例", "m1"} {
			rows, total, err := db.InvestProjects(ctx, store.InvestProjectFilter{Query: q, TalksCounty: "*"})
			if err != nil || total != 1 || len(rows) != 1 || rows[0].ID != "M1" {
				t.Errorf("search %q after the migration: %+v, %d, %v", q, rows, total, err)
			}
		}
	})
}
