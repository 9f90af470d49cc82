package store

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/invest"
)

// codecLedger holds the values the encoding must carry exactly: empty and
// multi-byte strings, negative numbers (a verification's reduction), zero
// days, the largest amounts, every flag.
func codecLedger() *invest.Ledger {
	return &invest.Ledger{
		Projects: []invest.Project{
			{ID: "A-1", Name: "示例冷链物流园（一期）", County: "620102", Zone: "Z620102", Investor: "示例甲 Ltd.", InvestorCode: "91310000MA1FL0001R",
				InvestorLoc: "HK", Signed: 20240315, Event: "第三十届兰洽会", Amount: 1<<62 + 7, ContractStart: 20250101, ActualStart: 20250102,
				ContractProd: 20260101, ActualProd: 20260102, Terminated: 20270101, IncreaseOf: "", Relocation: true,
				Stage: invest.StageLead, TerminationWhy: "资金不到位", Industry: "C3311", ChainNode: "al/1"},
			{ID: "A-2", IncreaseOf: "A-1", County: "620102"},
		},
		Funds: []invest.Funds{
			{Project: 1, Month: 202404, Amount: 150_000_000, Source: invest.SourceShareholder, Evidence: true},
			{Project: 0, Month: 202406, Amount: -100_000_000, Source: invest.SourceSpecialBond, PayerLoc: "香港"},
		},
	}
}

func TestLedgerCodec(t *testing.T) {
	for _, c := range []struct {
		name string
		l    *invest.Ledger
	}{
		{"empty", &invest.Ledger{}},
		{"every field", codecLedger()},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := encodeLedger(c.l)
			got, err := decodeLedger(data)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.l, got); diff != "" {
				t.Errorf("(-encoded +decoded):\n%s", diff)
			}
			// Every shorter prefix and the value with a byte more are
			// refused, not misread.
			for n := range len(data) {
				if _, err := decodeLedger(data[:n]); !errors.Is(err, errSnapshot) {
					t.Fatalf("%d of %d bytes: %v", n, len(data), err)
				}
			}
			if _, err := decodeLedger(append(data, 0)); !errors.Is(err, errSnapshot) {
				t.Errorf("a byte more: %v", err)
			}
		})
	}
	// A funds row naming project 2 of 2 projects is refused.
	l := codecLedger()
	l.Funds[0].Project = 2
	if _, err := decodeLedger(encodeLedger(l)); !errors.Is(err, errSnapshot) {
		t.Errorf("funds of a missing project: %v", err)
	}
}

// FuzzDecodeLedger: any bytes decode to a ledger that encodes back to
// them, or to errSnapshot, never a panic.
func FuzzDecodeLedger(f *testing.F) {
	f.Add(encodeLedger(codecLedger()))
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := decodeLedger(data)
		if err != nil {
			if !errors.Is(err, errSnapshot) {
				t.Fatal(err)
			}
			return
		}
		if again := encodeLedger(l); string(again) != string(data) {
			// Varints have one shortest form; a longer one decodes too.
			if l2, err := decodeLedger(again); err != nil || !cmp.Equal(l, l2) {
				t.Fatalf("decoded %x, which re-encodes differently: %v", data, err)
			}
		}
	})
}
