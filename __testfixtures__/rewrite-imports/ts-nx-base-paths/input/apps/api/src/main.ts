import { BookingService } from './app/booking.service';
import { formatDate } from '@acme/common/format';

const service = new BookingService();
console.log(formatDate(new Date()), service.list().length);
