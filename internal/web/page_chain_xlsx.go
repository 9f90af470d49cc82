package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain/chainio"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// chainExport is GET /invest/chains/{id}/map.xlsx: the chain's map as the
// workbook chainImport reads (sheets 产业链 and 节点). Public, as the map.
func (s *Server) chainExport(w http.ResponseWriter, r *http.Request) error {
	id, err := chainID(r.PathValue("id"))
	if err != nil {
		return err
	}
	ch, err := s.db.ChainByID(r.Context(), id)
	if err != nil {
		return err
	}
	cr, nr := chainio.Rows(chainio.Meta{Code: ch.Code, Name: ch.Name, LeaderPost: ch.LeaderPost, LeadDept: ch.LeadDept}, ch.Map())
	return writeXLSX(w, "chain-"+ch.Code+".xlsx", []xlsx.Sheet{
		{Name: chainio.SheetChain, Rows: cr, BoldHeader: true, FreezeHeader: true},
		{Name: chainio.SheetNodes, Rows: nr, BoldHeader: true, FreezeHeader: true, Widths: []float64{10, 24, 8, 30, 20}}})
}

// chainImport is POST /invest/chains/import: a chain's map from a workbook
// (file), all or nothing, every problem at its cell (FILE:SHEET!B7). The
// map replaces the nodes and rules of the chain of its code, keeping its
// other parts, or makes a new chain; the 专班 of a known chain and the
// province import.
func (s *Server) chainImport(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "import chain maps")
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(16 << 20); err != nil {
		return asUploadError(err)
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return invalidErr(err, "bad.fileField")
	}
	defer f.Close()
	name := filepath.Base(hdr.Filename)
	if filepath.Ext(name) != ".xlsx" {
		return invalid("bad.notXlsx", name)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	lim := s.cfg.Limits.Table
	ct, err := xlsx.ReadTableFromWith(bytes.NewReader(b), name, chainio.SheetChain, lim)
	if err != nil {
		return err
	}
	nt, err := xlsx.ReadTableFromWith(bytes.NewReader(b), name, chainio.SheetNodes, lim)
	if err != nil {
		return err
	}
	m, cm, err := chainio.Read(ct, nt)
	if err != nil {
		return err
	}
	ch, err := s.db.ChainByCode(r.Context(), m.Code)
	team := auth.ChainTeam{}
	switch {
	case err == nil:
		team = chainTeam(&ch)
	case errors.Is(err, store.ErrNotFound):
		ch = store.Chain{Code: m.Code}
	default:
		return err
	}
	if !auth.CanChain(c.principal(), auth.Write, team) {
		return deny(c, "import the map of chain "+m.Code)
	}
	ch.Name, ch.LeaderPost, ch.LeadDept, ch.Rules, ch.Nodes = m.Name, m.LeaderPost, m.LeadDept, cm.Rules, cm.Nodes
	id, err := s.db.SaveChain(r.Context(), c.actor(), ch)
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/invest/chains/%d", id), http.StatusSeeOther)
	return nil
}
