package model

// GoNames are the package-level identifiers that the paginator's files
// may declare, besides its types' and filter names': its client,
// paginator, constructor, Spec variable, items function, fake client and
// tests.
func (p *Paginator) GoNames() []string {
	return []string{p.ClientName, p.PaginatorName, p.NewName, p.SpecName, p.ItemsName,
		p.FakeName, p.TestName, p.InputTestName}
}
