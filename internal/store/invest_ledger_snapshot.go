package store

import (
	"database/sql"
	"encoding/binary"
	"errors"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// The ledger as one stored value (invest_ledger_snapshots, migration 0023):
// every change of the ledger stores the current ledger, which its
// transaction has read whole anyway, under its revision; the first read of
// the ledger as of that revision (an evaluation run's) decodes it, about
// 25 MB for 100,000 projects and 1,000,000 funds rows, instead of reading
// the rows. Only the latest is kept: a run of an older revision reads the
// rows (InvestLedgerAsOf).

// snapshotFormat is the version of the encoding below; a stored value of
// another format is ignored (the rows are read instead).
const snapshotFormat = 1

// encodeLedger writes l as: the number of projects, each project's
// thirteen strings (length, bytes), seven numbers (zig-zag varints) and
// relocation flag; the number of funds rows, each row's project index,
// month, amount, source, evidence flag and payer's place.
func encodeLedger(l *invest.Ledger) []byte {
	b := make([]byte, 0, 96*len(l.Projects)+16*len(l.Funds)+16)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(l.Projects)))
	for i := range l.Projects {
		p := &l.Projects[i]
		for _, s := range [...]string{p.ID, p.Name, p.County, p.Zone, p.Investor, p.InvestorCode, p.InvestorLoc, p.Event,
			p.IncreaseOf, string(p.Stage), p.TerminationWhy, p.Industry, p.ChainNode} {
			str(s)
		}
		for _, v := range [...]int64{int64(p.Signed), int64(p.Amount), int64(p.ContractStart), int64(p.ActualStart),
			int64(p.ContractProd), int64(p.ActualProd), int64(p.Terminated)} {
			b = binary.AppendVarint(b, v)
		}
		b = append(b, boolByte(p.Relocation))
	}
	b = binary.AppendUvarint(b, uint64(len(l.Funds)))
	for i := range l.Funds {
		f := &l.Funds[i]
		b = binary.AppendUvarint(b, uint64(f.Project))
		b = binary.AppendVarint(b, int64(f.Month))
		b = binary.AppendVarint(b, int64(f.Amount))
		b = append(b, byte(f.Source), boolByte(f.Evidence))
		str(f.PayerLoc)
	}
	return b
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

var errSnapshot = errors.New("store: damaged ledger snapshot")

// snapshotReader reads the values of an encoded ledger; its strings are
// substrings of one copy of the data (one allocation for all of them).
type snapshotReader struct {
	s   string
	pos int
	err error
}

func (r *snapshotReader) uvarint() uint64 {
	var v uint64
	for shift := uint(0); r.err == nil && shift < 64; shift += 7 {
		if r.pos >= len(r.s) {
			break
		}
		c := r.s[r.pos]
		r.pos++
		if c < 0x80 {
			if shift == 63 && c > 1 {
				break
			}
			return v | uint64(c)<<shift
		}
		v |= uint64(c&0x7f) << shift
	}
	r.err = errSnapshot
	return 0
}

// varint reads a zig-zag varint (binary.AppendVarint's).
func (r *snapshotReader) varint() int64 {
	u := r.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (r *snapshotReader) byte() byte {
	if r.err != nil || r.pos >= len(r.s) {
		r.err = errSnapshot
		return 0
	}
	r.pos++
	return r.s[r.pos-1]
}

func (r *snapshotReader) str() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.s)-r.pos) {
		r.err = errSnapshot
		return ""
	}
	s := r.s[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return s
}

// count reads a number of items each of at least min bytes, refusing one
// the rest of the data cannot hold (so that damaged data allocates nothing
// large).
func (r *snapshotReader) count(min int) int {
	n := r.uvarint()
	if r.err == nil && n > uint64((len(r.s)-r.pos)/min) {
		r.err = errSnapshot
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

// decodeLedger reads what encodeLedger wrote; errSnapshot when data is not
// such a value.
func decodeLedger(data []byte) (*invest.Ledger, error) {
	r := &snapshotReader{s: string(data)}
	l := &invest.Ledger{}
	// No rows read nil, as from the rows.
	if n := r.count(21); n > 0 {
		l.Projects = make([]invest.Project, n)
	}
	for i := range l.Projects {
		p := &l.Projects[i]
		for _, s := range [...]*string{&p.ID, &p.Name, &p.County, &p.Zone, &p.Investor, &p.InvestorCode, &p.InvestorLoc, &p.Event,
			&p.IncreaseOf, nil, &p.TerminationWhy, &p.Industry, &p.ChainNode} {
			if s == nil {
				p.Stage = invest.Stage(r.str())
			} else {
				*s = r.str()
			}
		}
		p.Signed, p.Amount, p.ContractStart = invest.Day(r.varint()), invest.Amount(r.varint()), invest.Day(r.varint())
		p.ActualStart, p.ContractProd, p.ActualProd = invest.Day(r.varint()), invest.Day(r.varint()), invest.Day(r.varint())
		p.Terminated = invest.Day(r.varint())
		p.Relocation = r.byte() == 1
	}
	if n := r.count(6); n > 0 {
		l.Funds = make([]invest.Funds, n)
	}
	for i := range l.Funds {
		f := &l.Funds[i]
		f.Project = int(r.uvarint())
		f.Month, f.Amount = invest.Month(r.varint()), invest.Amount(r.varint())
		f.Source, f.Evidence = invest.Source(r.byte()), r.byte() == 1
		f.PayerLoc = r.str()
		if r.err == nil && f.Project >= len(l.Projects) {
			r.err = errSnapshot
		}
	}
	if r.err == nil && r.pos != len(r.s) {
		r.err = errSnapshot
	}
	if r.err != nil {
		return nil, r.err
	}
	return l, nil
}

// keepLedgerSnapshot stores l, the current ledger inside t, as the ledger of
// revision rev, the change's, in place of the one before.
func (t *txn) keepLedgerSnapshot(rev int64, l *invest.Ledger) error {
	if _, err := t.Exec(`DELETE FROM invest_ledger_snapshots`); err != nil {
		return err
	}
	_, err := t.Exec(`INSERT INTO invest_ledger_snapshots (revision_id, format, data) VALUES ($1, $2, $3)`,
		rev, snapshotFormat, encodeLedger(l))
	return err
}

// ledgerSnapshot returns the stored ledger of revision rev, nil when none
// of this format is stored or it does not decode (the rows are read then).
func (t *txn) ledgerSnapshot(rev int64) (*invest.Ledger, error) {
	var data []byte
	err := t.QueryRow(`SELECT data FROM invest_ledger_snapshots WHERE revision_id = $1 AND format = $2`, rev, snapshotFormat).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	l, err := decodeLedger(data)
	if err != nil {
		return nil, nil
	}
	return l, nil
}

// investLedgerChanged ends a change of the ledger inside t, revision rev,
// whose current ledger l is: it rebuilds the grouped facts, stores the
// snapshot, and keeps l in memory as the ledger of rev once t commits.
func (t *txn) investLedgerChanged(rev int64, l *invest.Ledger) error {
	if err := t.rebuildInvestFacts(l); err != nil {
		return err
	}
	if err := t.keepLedgerSnapshot(rev, l); err != nil {
		return err
	}
	db := t.db
	t.afterCommit = append(t.afterCommit, func() { db.ledgers.put(rev, l) })
	return nil
}
