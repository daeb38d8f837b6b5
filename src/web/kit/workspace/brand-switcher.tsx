import { InlineSelect } from '../../components/inline-select.tsx';
import { useCurrentBrand } from './brand.ts';

/** Shown only when the user has several brands; everything on workspace pages follows the choice. */
export function BrandSwitcher() {
  const { brand, brands, switchBrand } = useCurrentBrand();
  if (brands.length < 2 || !brand) return null;
  return (
    <InlineSelect
      label="Brand"
      size="sm"
      value={brand.id}
      options={brands.map((option) => ({ value: option.id, label: option.name }))}
      onChange={switchBrand}
    />
  );
}
