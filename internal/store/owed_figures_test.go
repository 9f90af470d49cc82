package store_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestOwedFigures: a run computed while the statistics bureau owes
// 620123's gdp cannot go to public notice (by a plain transition or by
// starting the notice); its re-run, computed once the figure is supplied
// (no owed figures), can.
func TestOwedFigures(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		m, r := newRun(t, db)
		owed := []store.OwedFigure{
			{Unit: "620821", Indicator: "gdp", Department: "省统计局"},
			{Unit: "620123", Indicator: "gdp", Department: "省统计局"},
		}
		if err := db.PutOwedFigures(ctx, alice, r.ID, []store.OwedFigure{{Unit: "620123"}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("owed figure without indicator: %v, want ErrInvalid", err)
		}
		if err := db.PutOwedFigures(ctx, alice, r.ID, owed); err != nil {
			t.Fatal(err)
		}
		got, err := db.OwedFigures(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Read back by unit code: 620123 before 620821.
		if d := cmp.Diff([]store.OwedFigure{owed[1], owed[0]}, got); d != "" {
			t.Errorf("owed figures (-want +got)\n%s", d)
		}
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateReview, ""); err != nil {
			t.Fatalf("review with owed figures: %v (only notice is refused)", err)
		}
		if err := db.PutOwedFigures(ctx, alice, r.ID, nil); !errors.Is(err, store.ErrConflict) {
			t.Errorf("owed figures changed in review: %v, want ErrConflict", err)
		}
		_, err = db.Transition(ctx, alice, r.ID, auth.StateNotice, "")
		var rf *store.Refusal
		if !errors.Is(err, store.ErrConflict) || !errors.As(err, &rf) || !strings.Contains(rf.Msg.In(locale.ZH), "待补报数据 2 项") ||
			!strings.Contains(err.Error(), "620123 gdp（省统计局）") {
			t.Errorf("notice with owed figures: %v, want ErrConflict naming 2 figures", err)
		}
		day := time.Date(2023, 3, 20, 0, 0, 0, 0, time.UTC)
		if _, err := db.StartNotice(ctx, alice, r.ID, day, day.AddDate(0, 0, 6), ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("StartNotice with owed figures: %v, want ErrConflict", err)
		}

		// The bureau supplies the figures; the re-run owes nothing.
		again, err := db.CreateRun(ctx, alice, store.NewRun{MethodID: m.ID, Period: "2022", ParentID: r.ID, Params: json.RawMessage(`{}`)})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutOwedFigures(ctx, alice, again.ID, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Transition(ctx, alice, again.ID, auth.StateReview, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.StartNotice(ctx, alice, again.ID, day, day.AddDate(0, 0, 6), ""); err != nil {
			t.Errorf("notice of the re-run: %v", err)
		}
	})
}
