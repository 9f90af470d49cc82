package store_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

func TestDeclare(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		values := func(year int) []string {
			as, err := db.Attributes(ctx, "620123", "type", year)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, a := range as {
				out = append(out, a.Value)
			}
			return out
		}
		declare := func(year int, vs ...string) error {
			return db.Declare(ctx, alice, "620123", "type", year, vs)
		}
		if err := declare(2021, "农业优先型", "文旅赋能型"); err != nil {
			t.Fatal(err)
		}
		audits := func() int {
			es, err := db.AuditLog(ctx, store.AuditFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return len(es)
		}
		before := audits()
		if err := declare(2022, "农业优先型", "文旅赋能型"); err != nil || audits() != before {
			t.Errorf("declaring the same types again: %v, %d audit rows added", err, audits()-before)
		}
		if err := declare(2024, "生态功能型"); err != nil {
			t.Fatal(err)
		}
		for year, want := range map[int][]string{2020: nil, 2021: {"农业优先型", "文旅赋能型"}, 2023: {"农业优先型", "文旅赋能型"},
			2024: {"生态功能型"}, 2030: {"生态功能型"}} {
			if diff := cmp.Diff(want, values(year)); diff != "" {
				t.Errorf("types in %d (-want +got):\n%s", year, diff)
			}
		}
		if err := declare(2024, "城市服务型"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a second declaration for 2024: %v, want ErrConflict", err)
		}
		if err := db.Declare(ctx, alice, "620123", "type", 2025, nil); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("a declaration without values: %v, want ErrInvalid", err)
		}
	})
}
