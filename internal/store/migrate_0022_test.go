package store_test

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
)

// TestMigration0022FillsLedgerState: a ledger stored before migration 0022
// gets its search text and its projects' current funds on migration: M1's
// counted funds are 1.5 (股东出资 with evidence) − 0.5 (a verified
// reduction) = 1 亿元 of 1.5 + 1 = 2.5 in all rows (the local bank's 1
// does not count); its investor is found by an ASCII part in lower case.
func TestMigration0022FillsLedgerState(t *testing.T) {
	before := []string{
		`INSERT INTO revisions (id, created_at, username, kind) VALUES (1, '2024-05-01 00:00:00', 'a', 'import')`,
		`INSERT INTO invest_projects (project_id, revision_id, name, county, investor, origin, signed, amount)
				VALUES ('M1', 1, '冷链物流园', '620622', 'Acme 示例', 2, 20240315, 1000000000)`,
		`INSERT INTO invest_funds (revision_id, project_id, month, amount, source, evidence) VALUES
				(1, 'M1', 202404, 150000000, '股东出资', '有'), (1, 'M1', 202405, 100000000, '本地金融机构', '有')`,
		`INSERT INTO invest_verifications (revision_id, project_id, month, reduction, reason, verified_at, by_user)
				VALUES (1, 'M1', 202404, 50000000, '抽查核减', '2024-05-02 00:00:00', 'a')`,
	}
	migratedFrom(t, 15, before, func(t *testing.T, db *store.DB) {
		rows, total, err := db.InvestProjects(ctx, store.InvestProjectFilter{Query: "acme"})
		if err != nil || total != 1 || len(rows) != 1 {
			t.Fatalf("search after the migration: %+v, %d, %v", rows, total, err)
		}
		if rows[0].Counted.Yi() != 1 || rows[0].All.Yi() != 2.5 {
			t.Errorf("M1 counted %v, all %v; want 1 and 2.5", rows[0].Counted.Yi(), rows[0].All.Yi())
		}
	})
}
