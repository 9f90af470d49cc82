package store_test

import (
	"slices"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
)

// TestKeyOrder: figures are written in the order of the table's key —
// period, indicator, unit — whatever order the file gave them in.
func TestKeyOrder(t *testing.T) {
	rows := []store.Observation{
		obs("620123", "rev", "2022", 1), obs("620121", "gdp", "2022", 2), obs("620121", "rev", "2021", 3),
		obs("620122", "gdp", "2022", 4), obs("620121", "rev", "2022", 5), obs("620122", "rev", "2022", 6),
	}
	// 2021 rev 620121 (row 2); 2022 gdp 620121 (1), 620122 (3); 2022 rev
	// 620121 (4), 620122 (5), 620123 (0).
	want := []int{2, 1, 3, 4, 5, 0}
	if got := store.KeyOrderForTest(rows); !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
