import { Column, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import { WasteBin } from './waste-bin.entity';

/** A property (fastighet) as the waste system's export describes it. */
@Entity('waste_property')
export class WasteProperty {
  @PrimaryColumn({ name: 'property_id', type: 'varchar', length: 50 })
  propertyId!: string;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  /** Lower case, single spaces: what address lookups match on. */
  @Index('IDX_waste_property_address_key')
  @Column({ name: 'address_key', type: 'varchar', length: 200 })
  addressKey!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode!: string;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  /** The customer (abonnent) of the waste subscription. */
  @Index('IDX_waste_property_customer')
  @Column({ name: 'customer_personal_number', type: 'varchar', length: 12 })
  customerPersonalNumber!: string;

  @OneToMany(() => WasteBin, (bin) => bin.property)
  bins?: WasteBin[];
}
